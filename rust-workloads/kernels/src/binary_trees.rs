//! `binary-trees` (docs/workloads.md): the Benchmarks Game's allocation
//! benchmark. `size` is the depth d; a perfect tree of depth d has
//! 2^(d+1) - 1 nodes. One iteration builds a tree, counts its nodes by
//! walking it, and drops it. Two allocation strategies:
//!
//! - [`boxed`]: a `Box` per node, freed node by node when the tree drops
//!   (the runner's global allocator, mimalloc, serves the boxes);
//! - [`arena`]: every node of one tree in one `bumpalo::Bump`, freed at once
//!   when the arena drops: what a Rust developer reaches for when many small
//!   objects die together.

/// The deepest tree the runners accept: far from 24 GB in any language.
pub const MAX_DEPTH: usize = 22;

/// Nodes of a perfect binary tree of depth `d` (the spec's formula).
pub fn nodes(depth: usize) -> u64 {
    (1u64 << (depth + 1)) - 1
}

pub mod boxed {
    /// A node that owns its children, one heap allocation each.
    pub struct Node {
        pub left: Option<Box<Node>>,
        pub right: Option<Box<Node>>,
    }

    pub fn make(depth: usize) -> Box<Node> {
        if depth == 0 {
            Box::new(Node { left: None, right: None })
        } else {
            Box::new(Node { left: Some(make(depth - 1)), right: Some(make(depth - 1)) })
        }
    }

    pub fn count(node: &Node) -> u64 {
        match (&node.left, &node.right) {
            (Some(l), Some(r)) => 1 + count(l) + count(r),
            _ => 1,
        }
    }

    /// One iteration: build, walk, drop (the drop frees every box).
    pub fn iteration(depth: usize) -> u64 {
        let tree = make(depth);
        count(&tree)
    }
}

pub mod arena {
    use bumpalo::Bump;

    /// A node whose children live in the same arena.
    pub struct Node<'a> {
        pub left: Option<&'a Node<'a>>,
        pub right: Option<&'a Node<'a>>,
    }

    pub fn make<'a>(bump: &'a Bump, depth: usize) -> &'a Node<'a> {
        if depth == 0 {
            bump.alloc(Node { left: None, right: None })
        } else {
            let left = make(bump, depth - 1);
            let right = make(bump, depth - 1);
            bump.alloc(Node { left: Some(left), right: Some(right) })
        }
    }

    pub fn count(node: &Node<'_>) -> u64 {
        match (node.left, node.right) {
            (Some(l), Some(r)) => 1 + count(l) + count(r),
            _ => 1,
        }
    }

    /// One iteration: a fresh arena, the tree in it, walked, then the arena dropped.
    pub fn iteration(depth: usize) -> u64 {
        let bump = Bump::new();
        let tree = make(&bump, depth);
        count(tree)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The spec's formula, written out: 1, 3, 7, 15, ...
    #[test]
    fn perfect_tree_node_counts() {
        let want = [1u64, 3, 7, 15, 31, 63, 127, 255, 511, 1023, 2047];
        for (d, &w) in want.iter().enumerate() {
            assert_eq!(nodes(d), w);
            assert_eq!(boxed::iteration(d), w, "box, depth {d}");
            assert_eq!(arena::iteration(d), w, "arena, depth {d}");
        }
        assert_eq!(boxed::iteration(16), 131_071);
        assert_eq!(arena::iteration(16), 131_071);
    }

    #[test]
    fn every_leaf_is_at_depth_d() {
        fn leaves(n: &boxed::Node, depth: usize, d: usize) -> u64 {
            match (&n.left, &n.right) {
                (Some(l), Some(r)) => leaves(l, depth + 1, d) + leaves(r, depth + 1, d),
                (None, None) => {
                    assert_eq!(depth, d);
                    1
                }
                _ => panic!("a node with one child"),
            }
        }
        assert_eq!(leaves(&boxed::make(9), 0, 9), 512);
    }
}
