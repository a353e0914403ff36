//! Reading order: rows of runs, and vertical gutters that split a page into
//! columns (two-column layouts, sidebars).
//!
//! A gutter is an x position that no run crosses over a band of consecutive
//! rows, with text on both sides, where each side has several rows of its
//! own (baselines the other side does not share). That last test tells a
//! sidebar apart from right-aligned dates, which share their baselines with
//! the text on the left.

use super::runs::{Run, same_line};

/// Fewest rows a column band spans.
const MIN_BAND_ROWS: usize = 6;
/// Fewest rows each side of a gutter must have to itself.
const MIN_OWN_ROWS: usize = 3;
/// Largest distance (em) between rows that still counts as line spacing.
const LINE_SPACING: f32 = 2.5;
/// Share of a column's extent that line-spaced rows must cover.
const MIN_DENSITY: f32 = 0.5;
/// Clearance (points) a gutter keeps from the runs beside it.
const PAD: f32 = 2.0;
/// Step (points) of the gutter scan.
const STEP: f32 = 2.0;
/// Most gutter positions tried per band search.
const MAX_STEPS: f32 = 400.0;
/// Pages with more rows or runs than this are garbage or not resumes: they
/// are read as one column (keeps the search cheap).
const MAX_ROWS: usize = 400;
const MAX_RUNS: usize = 20_000;
/// Deepest recursion into the parts above and below a band.
const MAX_SPLITS: usize = 3;

/// Groups runs (given by index) into rows of one baseline, top to bottom;
/// the runs of a row are sorted left to right.
pub fn rows(runs: &[Run], indices: &[usize]) -> Vec<Vec<usize>> {
    let mut sorted: Vec<usize> = indices.to_vec();
    sorted.sort_by(|a, b| {
        let (a, b) = (&runs[*a], &runs[*b]);
        a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0))
    });
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut reference: Option<(f32, f32)> = None;
    for index in sorted {
        let run = &runs[index];
        match (reference, out.last_mut()) {
            (Some((y, size)), Some(row)) if same_line(y, size, run.y, run.size) => {
                row.push(index);
                if run.size > size {
                    reference = Some((run.y, run.size));
                }
            }
            _ => {
                out.push(vec![index]);
                reference = Some((run.y, run.size));
            }
        }
    }
    let mut split: Vec<Vec<usize>> = Vec::with_capacity(out.len());
    for row in out {
        if stacks_lines(runs, &row) {
            split_stacked(runs, row, &mut split);
        } else {
            split.push(row);
        }
    }
    for row in &mut split {
        row.sort_by(|a, b| runs[*a].x0.total_cmp(&runs[*b].x0));
    }
    split
}

/// True when two font sizes are alike enough that their runs must share a
/// baseline to share a line.
fn similar_size(a: f32, b: f32) -> bool {
    (a - b).abs() <= 0.15 * a.max(b)
}

/// Most distinct font sizes tracked per row by [`stacks_lines`].
const MAX_ROW_SIZES: usize = 16;

/// True when a row (runs sorted by baseline) holds two runs of alike font
/// size whose baselines differ by more than half that size: lines of small
/// text stacked beside one large line (a contact block beside a big name),
/// which the mixed-size tolerance of [`same_line`] let into one row.
fn stacks_lines(runs: &[Run], row: &[usize]) -> bool {
    if row.len() < 2 {
        return false;
    }
    // (size, lowest baseline) per distinct size, in baseline order.
    let mut sizes: Vec<(f32, f32)> = Vec::new();
    for &index in row {
        let run = &runs[index];
        match sizes.iter().find(|(size, _)| similar_size(*size, run.size)) {
            Some(&(size, first_y)) if run.y - first_y > 0.5 * size.min(run.size) => {
                return true;
            }
            Some(_) => {}
            None if sizes.len() < MAX_ROW_SIZES => sizes.push((run.size, run.y)),
            None => {}
        }
    }
    false
}

/// Splits a row of stacked lines (runs sorted by baseline) into rows of
/// their own baselines: runs share a row only when their baselines agree
/// within a tolerance relative to the smaller font size.
fn split_stacked(runs: &[Run], row: Vec<usize>, out: &mut Vec<Vec<usize>>) {
    let mut reference: Option<(f32, f32)> = None;
    for index in row {
        let run = &runs[index];
        let joins = reference.is_some_and(|(y, size)| {
            let small = size.min(run.size);
            let tolerance = if similar_size(size, run.size) {
                (0.08 * small).max(0.5)
            } else {
                0.4 * small
            };
            (run.y - y).abs() <= tolerance
        });
        match out.last_mut() {
            Some(last) if joins => {
                last.push(index);
                if reference.is_some_and(|(_, size)| run.size > size) {
                    reference = Some((run.y, run.size));
                }
            }
            _ => {
                out.push(vec![index]);
                reference = Some((run.y, run.size));
            }
        }
    }
}

/// A band of rows `start..end` split at `gutter`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Band {
    start: usize,
    end: usize,
    gutter: f32,
}

/// True when the rows, given by their baselines and font sizes, mostly follow
/// each other at line spacing: gaps of at most [`LINE_SPACING`] em cover at
/// least [`MIN_DENSITY`] of their extent. A column of text is dense;
/// scattered pieces such as dates beside each entry are not.
fn dense(rows: &[(f32, f32)]) -> bool {
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return false;
    };
    let extent = last.0 - first.0;
    let covered: f32 = rows
        .windows(2)
        .map(|pair| pair[1].0 - pair[0].0)
        .zip(rows.iter().skip(1))
        .filter(|(gap, row)| *gap <= LINE_SPACING * row.1)
        .map(|(gap, _)| gap)
        .sum();
    extent > 0.0 && covered >= MIN_DENSITY * extent
}

fn band_is_columnar(runs: &[Run], rows: &[Vec<usize>], gutter: f32) -> bool {
    if rows.len() < MIN_BAND_ROWS {
        return false;
    }
    let (mut left_own, mut right_own) = (0, 0);
    let mut left_rows = Vec::new();
    let mut right_rows = Vec::new();
    for row in rows {
        let left = row.iter().find(|&&i| runs[i].x1 <= gutter);
        let right = row.iter().find(|&&i| runs[i].x0 >= gutter);
        if let Some(&i) = left {
            left_rows.push((runs[i].y, runs[i].size));
        }
        if let Some(&i) = right {
            right_rows.push((runs[i].y, runs[i].size));
        }
        match (left, right) {
            (Some(_), None) => left_own += 1,
            (None, Some(_)) => right_own += 1,
            _ => {}
        }
    }
    left_own >= MIN_OWN_ROWS && right_own >= MIN_OWN_ROWS && dense(&left_rows) && dense(&right_rows)
}

/// The tallest column band of `rows`, if any.
fn find_band(runs: &[Run], rows: &[Vec<usize>]) -> Option<Band> {
    if rows.len() > MAX_ROWS || rows.iter().map(Vec::len).sum::<usize>() > MAX_RUNS {
        return None;
    }
    let all = rows.iter().flatten().map(|&i| &runs[i]);
    let left = all.clone().map(|r| r.x0).fold(f32::INFINITY, f32::min);
    let right = all.map(|r| r.x1).fold(f32::NEG_INFINITY, f32::max);
    let width = right - left;
    if width.is_nan() || width <= 100.0 {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    let mut gutters: Vec<f32> = Vec::new();
    let step = STEP.max(width / MAX_STEPS);
    let mut x = left + 0.15 * width;
    while x <= right - 0.15 * width {
        let mut start = 0;
        for k in 0..=rows.len() {
            let blocked = rows.get(k).is_none_or(|row| {
                row.iter()
                    .any(|&i| runs[i].x0 - PAD < x && x < runs[i].x1 + PAD)
            });
            if !blocked {
                continue;
            }
            if k > start && band_is_columnar(runs, &rows[start..k], x) {
                let better = match best {
                    None => true,
                    Some((s, e)) => k - start > e - s,
                };
                if better {
                    best = Some((start, k));
                    gutters.clear();
                }
                if best == Some((start, k)) {
                    gutters.push(x);
                }
            }
            start = k + 1;
        }
        x += step;
    }
    let (start, end) = best?;
    let gutter = *gutters.get(gutters.len() / 2)?;
    Some(Band { start, end, gutter })
}

/// Orders the runs for reading: blocks of runs, each to be read top to
/// bottom on its own. Columns come left first, then right; full-width parts
/// above and below a column band come before and after it.
pub fn reading_blocks(runs: &[Run]) -> Vec<Vec<usize>> {
    let all: Vec<usize> = (0..runs.len()).collect();
    let mut out = Vec::new();
    split(runs, rows(runs, &all), 0, &mut out);
    out
}

fn split(runs: &[Run], rows: Vec<Vec<usize>>, depth: usize, out: &mut Vec<Vec<usize>>) {
    let band = if depth < MAX_SPLITS {
        find_band(runs, &rows)
    } else {
        None
    };
    let Some(band) = band else {
        if !rows.is_empty() {
            out.push(rows.into_iter().flatten().collect());
        }
        return;
    };
    let mut rows = rows;
    let below = rows.split_off(band.end);
    let middle = rows.split_off(band.start);
    split(runs, rows, depth + 1, out);
    let (left, right): (Vec<usize>, Vec<usize>) = middle
        .into_iter()
        .flatten()
        .partition(|&i| runs[i].x1 <= band.gutter);
    out.push(left);
    out.push(right);
    split(runs, below, depth + 1, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(x0: f32, x1: f32, y: f32) -> Run {
        Run {
            first: 0,
            end: 1,
            x0,
            x1,
            y,
            size: 10.0,
        }
    }

    fn order(runs: &[Run]) -> Vec<Vec<usize>> {
        reading_blocks(runs)
    }

    #[test]
    fn sidebar_is_read_column_by_column() {
        let mut runs = vec![run(200.0, 400.0, 50.0)];
        for k in 0..10 {
            runs.push(run(50.0, 350.0, 100.0 + 14.0 * k as f32));
        }
        for k in 0..8 {
            runs.push(run(400.0, 560.0, 105.0 + 17.0 * k as f32));
        }
        let blocks = order(&runs);
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[0], vec![0]);
        assert!(blocks[1].iter().all(|&i| runs[i].x0 == 50.0));
        assert_eq!(blocks[1].len(), 10);
        assert!(blocks[2].iter().all(|&i| runs[i].x0 == 400.0));
    }

    #[test]
    fn right_aligned_dates_stay_on_their_lines() {
        let mut runs = Vec::new();
        for k in 0..6 {
            let y = 100.0 + 60.0 * k as f32;
            runs.push(run(50.0, 250.0, y));
            runs.push(run(480.0, 560.0, y));
            runs.push(run(60.0, 560.0, y + 14.0));
            runs.push(run(60.0, 300.0, y + 28.0));
        }
        assert_eq!(order(&runs).len(), 1);
    }

    #[test]
    fn dates_on_their_own_baselines_are_not_a_column() {
        let mut runs = Vec::new();
        for k in 0..6 {
            let y = 100.0 + 70.0 * k as f32;
            runs.push(run(50.0, 250.0, y));
            runs.push(run(480.0, 560.0, y));
            runs.push(run(480.0, 560.0, y + 12.6));
            for line in 1..5 {
                runs.push(run(70.0, 440.0, y + 13.7 * line as f32));
            }
        }
        assert_eq!(order(&runs).len(), 1);
    }

    #[test]
    fn short_lines_with_dates_are_not_columns() {
        let mut runs = Vec::new();
        for k in 0..10 {
            let y = 100.0 + 30.0 * k as f32;
            runs.push(run(50.0, 250.0, y));
            runs.push(run(480.0, 560.0, y));
            runs.push(run(50.0, 200.0, y + 14.0));
        }
        assert_eq!(order(&runs).len(), 1);
    }

    #[test]
    fn rows_group_by_baseline() {
        let runs = vec![
            run(300.0, 320.0, 100.2),
            run(10.0, 50.0, 100.0),
            run(10.0, 50.0, 112.0),
        ];
        assert_eq!(rows(&runs, &[0, 1, 2]), vec![vec![1, 0], vec![2]]);
    }
}
