//! Several kommuner side by side: per principle, each kommune's share of checked subjects
//! in breach, and its rank among the kommuner that principle checked something in.

use super::Figures;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Placing {
    /// The kommune's index in the report (its order).
    pub kommune: usize,
    /// Subjects in breach of those checked, in percent, one decimal.
    pub share_percent: f64,
    /// 1 for the smallest share; equal shares share a rank («1, 2, 2, 4»).
    pub rank: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranking {
    /// The principle's label (its prefix, or its rule codes: `principle_label`), which is
    /// what names it alike across kommuner.
    pub principle: String,
    /// Best first; kommuner where the principle checked nothing are not ranked.
    pub placings: Vec<Placing>,
}

/// One ranking per principle any kommune has, in the order they first appear.
pub fn rankings(kommuner: &[&Figures]) -> Vec<Ranking> {
    let mut prefixes: Vec<&str> = Vec::new();
    for f in kommuner {
        for p in &f.summary.principles {
            if !prefixes.contains(&p.label.as_str()) {
                prefixes.push(&p.label);
            }
        }
    }
    // The summary lists principles worst first; the ranking follows the catalogue's
    // order of the first kommune instead, so the columns do not move between reports.
    if let Some(first) = kommuner.first() {
        let order: Vec<&str> = first
            .matrix
            .columns
            .iter()
            .map(|c| c.label.as_str())
            .collect();
        prefixes.sort_by_key(|p| order.iter().position(|o| o == p).unwrap_or(usize::MAX));
    }
    prefixes
        .into_iter()
        .map(|prefix| {
            let mut placings: Vec<Placing> = kommuner
                .iter()
                .enumerate()
                .filter_map(|(i, f)| {
                    let p = f.summary.principles.iter().find(|p| p.label == prefix)?;
                    let share = super::key::percent(p.violating.total(), p.checked.total())?;
                    Some(Placing {
                        kommune: i,
                        share_percent: share,
                        rank: 0,
                    })
                })
                .collect();
            placings.sort_by(|a, b| {
                a.share_percent
                    .total_cmp(&b.share_percent)
                    .then(a.kommune.cmp(&b.kommune))
            });
            for i in 0..placings.len() {
                placings[i].rank =
                    if i > 0 && placings[i].share_percent == placings[i - 1].share_percent {
                        placings[i - 1].rank
                    } else {
                        i + 1
                    };
            }
            Ranking {
                principle: prefix.to_string(),
                placings,
            }
        })
        .collect()
}
