//! Tech Divide Explorer core.
