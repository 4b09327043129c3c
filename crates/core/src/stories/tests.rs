//! Stories found among hand-written copies of hand-written articles.

use super::*;

struct Texts(Vec<String>, Vec<Option<StoryPrint>>, Vec<usize>);

impl Texts {
    fn new(texts: &[String]) -> Self {
        let prints = texts
            .iter()
            .map(|t| print_of(std::iter::once(t.as_str())))
            .collect();
        Self(texts.to_vec(), prints, vec![0; texts.len()])
    }

    /// The same texts, each with this many bytes of page furniture around it.
    fn with_furniture(mut self, furniture: &[usize]) -> Self {
        self.2 = furniture.to_vec();
        self
    }
}

impl StorySource for Texts {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn print(&self, index: usize) -> Option<&StoryPrint> {
        self.1[index].as_ref()
    }
    fn shingle_set(&self, index: usize) -> Vec<u64> {
        shingle_set(std::iter::once(self.0[index].as_str()))
    }
    fn furniture(&self, index: usize) -> usize {
        self.2[index]
    }
}

/// A made-up story of `n` sentences on a theme; different `seed`s give different stories on
/// the same topic, with the same vocabulary.
fn story(seed: usize, n: usize) -> Vec<String> {
    let who = [
        "The ministry",
        "A spokesman",
        "Analysts",
        "The company",
        "Officials",
        "Lawmakers",
    ];
    let verb = ["said", "warned", "argued", "noted", "added", "suggested"];
    let what = [
        "export controls on advanced chips would tighten",
        "the new rules could slow research in Shanghai",
        "suppliers in Taiwan were preparing for delays",
        "talks between Washington and Beijing had stalled",
        "investment in domestic foundries would rise",
        "the tariffs were likely to stay in place",
        "memory makers in South Korea had raised prices",
        "a review of the licences was under way",
    ];
    let when = [
        "on Monday",
        "last week",
        "in March",
        "this year",
        "on Friday",
        "in 2023",
    ];
    (0..n)
        .map(|i| {
            let k = seed * 7 + i * 3;
            format!(
                "{} {} {} that {}, and {} {} that {} by {} percent.",
                who[k % who.len()],
                verb[(k / 2) % verb.len()],
                when[(k + seed) % when.len()],
                what[(k + i) % what.len()],
                who[(k + 1) % who.len()].to_lowercase(),
                verb[(k + 3) % verb.len()],
                what[(k * 5 + seed + 1) % what.len()],
                3 + seed * 13 + i * 7
            )
        })
        .collect()
}

/// A syndicated copy's body (the header model has taken its outlet's header and footer off):
/// `said` → `says`, curly apostrophes, and maybe the last paragraph dropped.
fn copy_of(sentences: &[String], drop_last: bool) -> String {
    let body: Vec<String> = sentences[..sentences.len() - usize::from(drop_last)]
        .iter()
        .map(|s| s.replace(" said ", " says ").replace('\'', "’"))
        .collect();
    body.join("\n")
}

#[test]
fn copies_from_other_outlets_are_one_story_and_distinct_stories_are_not() {
    let originals: Vec<Vec<String>> = (0..6).map(|s| story(s, 12)).collect();
    let mut texts: Vec<String> = originals.iter().map(|s| s.join("\n")).collect();
    texts.push(copy_of(&originals[0], false));
    texts.push(copy_of(&originals[0], true));
    texts.push(copy_of(&originals[3], true));
    let source = Texts::new(&texts);
    let mut stories = Stories::default();
    stories.extend(&source);
    assert_eq!(stories.members(0), vec![0, 6, 7]);
    assert_eq!(stories.members(3), vec![3, 8]);
    for distinct in [1, 2, 4, 5] {
        assert_eq!(
            stories.members(distinct),
            vec![distinct],
            "story {distinct} merged"
        );
    }
    assert_eq!(stories.merged(), (3, 2));
    // The counted copy is the most complete: the original and the full copy have as much
    // text, and the original comes first.
    assert_eq!(stories.counted_copy(7), 0);
    assert_eq!(stories.counted_copy(8), 3);
    assert!(stories.is_counted(0) && !stories.is_counted(6) && !stories.is_counted(8));
    assert_eq!(stories.story(7), stories.story(0));
    assert_ne!(stories.story(1), stories.story(0));
}

#[test]
fn a_file_added_later_joins_its_story() {
    let original = story(9, 10);
    let other = story(10, 10);
    let mut texts = vec![original.join("\n"), other.join("\n")];
    let mut stories = Stories::default();
    stories.extend(&Texts::new(&texts));
    assert_eq!(stories.merged(), (0, 0));
    texts.push(copy_of(&original, true));
    stories.extend(&Texts::new(&texts));
    assert_eq!(stories.members(2), vec![0, 2]);
    assert_eq!(stories.counted_copy(2), 0);
    assert_eq!(stories.story(2), 1);
    assert_eq!(stories.story(1), 2);
}

#[test]
fn the_most_complete_copy_is_counted_even_when_it_comes_last() {
    let original = story(4, 10);
    let texts = vec![
        copy_of(&original, true),
        copy_of(&original, true),
        original.join("\n"),
    ];
    let mut stories = Stories::default();
    stories.extend(&Texts::new(&texts));
    assert_eq!(stories.members(0), vec![0, 1, 2]);
    assert_eq!(stories.counted_copy(0), 2);
    assert_eq!(stories.merged(), (2, 1));
}

#[test]
fn among_equally_complete_copies_the_one_with_the_least_furniture_is_counted() {
    let original = story(6, 10);
    // The syndicated copy has as much text (only `said` → `says`), and an outlet's menus and
    // footer around it; it comes first in the corpus.
    let texts = vec![copy_of(&original, false), original.join("\n")];
    let mut stories = Stories::default();
    stories.extend(&Texts::new(&texts).with_furniture(&[900, 120]));
    assert_eq!(stories.members(0), vec![0, 1]);
    assert_eq!(stories.counted_copy(0), 1);
}
