//! `techdivide._core`: the core's extraction for Python. `events_arrow(batch)` takes a
//! pyarrow `RecordBatch` of articles (`id`, `text`, optional `published`) and returns one of
//! their events; the work runs without the GIL, the rows of a batch in parallel. The schema is
//! documented in `techdivide_core::arrow_events` and `docs/SCALE.md`.

use arrow_array::RecordBatch;
use arrow_pyarrow::PyArrowType;
use arrow_schema::Schema;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use techdivide_core::arrow_events::{events_batch, events_schema};
use techdivide_core::extract::ExtractOptions;

/// The events of a batch of articles, as a pyarrow RecordBatch
/// (`id, sentence_start, sentence_end, year, evidence, country`). `anchor_decades` counts
/// "the 1990s" as 1990 instead of undated.
#[pyfunction]
#[pyo3(signature = (batch, anchor_decades = false))]
fn events_batch_py(
    py: Python<'_>,
    batch: PyArrowType<RecordBatch>,
    anchor_decades: bool,
) -> PyResult<PyArrowType<RecordBatch>> {
    let options = ExtractOptions { anchor_decades };
    py.detach(|| events_batch(&batch.0, options))
        .map(PyArrowType)
        .map_err(PyValueError::new_err)
}

/// The schema of the events batch, as a pyarrow Schema.
#[pyfunction]
fn events_schema_py() -> PyArrowType<Schema> {
    PyArrowType(events_schema().as_ref().clone())
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(events_batch_py, m)?)?;
    m.add_function(wrap_pyfunction!(events_schema_py, m)?)?;
    Ok(())
}
