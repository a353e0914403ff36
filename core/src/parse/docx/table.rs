//! Table layout: cell positions from the grid, and how a finished row
//! becomes lines.

use super::super::Line;

/// Longest cell text (in characters) that may be joined into a row line.
const MAX_JOINED_CELL_CHARS: usize = 100;

/// A table being read.
#[derive(Debug, Default)]
pub(super) struct Table {
    /// Left edge of the table in points (relative to the text area).
    pub x: f32,
    /// Column widths from `w:tblGrid`, in points.
    pub grid: Vec<f32>,
    /// `w:gridSpan` of the open cell.
    pub span: usize,
    /// Grid column where the open cell starts.
    col: usize,
    /// Offset of that grid column from the table's left edge, in points.
    col_x: f32,
    /// Left edge of the open cell in points.
    cell_x: f32,
    /// Finished cells of the open row.
    row: Vec<Vec<Line>>,
    /// Lines of the open cell.
    cell: Vec<Line>,
}

impl Table {
    /// A table whose left edge sits at `x`.
    pub fn new(x: f32) -> Self {
        Self {
            x,
            ..Self::default()
        }
    }

    /// Left edge of the open cell (or of the table outside cells).
    pub fn cell_x(&self) -> f32 {
        self.cell_x
    }

    /// Starts a row.
    pub fn start_row(&mut self) {
        self.col = 0;
        self.col_x = 0.0;
        self.row.clear();
        self.cell.clear();
    }

    /// Starts a cell.
    pub fn start_cell(&mut self) {
        self.cell.clear();
        self.span = 1;
        self.cell_x = self.x + self.col_x;
    }

    /// Adds a line to the open cell.
    pub fn push(&mut self, line: Line) {
        self.cell.push(line);
    }

    /// Ends a cell.
    pub fn end_cell(&mut self) {
        let span = self.span.max(1);
        let width: f32 = self.grid.iter().skip(self.col).take(span).sum();
        self.col_x += width;
        self.col = self.col.saturating_add(span);
        self.row.push(std::mem::take(&mut self.cell));
        self.cell_x = self.x;
    }

    /// Ends a row and returns its lines. When at least two cells hold text
    /// and every such cell is a single short plain paragraph (not a heading
    /// or list item), the row becomes one line with the cell texts separated
    /// by `\t`; otherwise every paragraph line is returned in cell order.
    pub fn end_row(&mut self) -> Vec<Line> {
        let mut cells: Vec<Vec<Line>> = std::mem::take(&mut self.row);
        if !self.cell.is_empty() {
            cells.push(std::mem::take(&mut self.cell));
        }
        cells.retain(|cell| !cell.is_empty());
        let joinable = cells.len() >= 2
            && cells.iter().all(|cell| {
                cell.len() == 1
                    && cell.iter().all(|line| {
                        line.heading_level.is_none()
                            && !line.list_item
                            && line.text.chars().count() <= MAX_JOINED_CELL_CHARS
                    })
            });
        let lines = cells.into_iter().flatten();
        if joinable {
            lines.reduce(join).into_iter().collect()
        } else {
            lines.collect()
        }
    }
}

/// Joins two lines of one row with a tab, shifting the spans of the second.
fn join(mut left: Line, right: Line) -> Line {
    left.text.push('\t');
    let offset = left.text.len();
    left.text.push_str(&right.text);
    left.spans.extend(right.spans.into_iter().map(|mut span| {
        span.start += offset;
        span.end += offset;
        span
    }));
    for link in right.links {
        if !left.links.contains(&link) {
            left.links.push(link);
        }
    }
    left.space_before = match (left.space_before, right.space_before) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    left
}
