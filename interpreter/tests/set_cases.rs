//! Replays `tests/data/cases.txt` (written by `gen_cases.py` under CPython
//! 3.11) on `SetTable` and checks every recorded slot order, table size,
//! return value and `__eq__` call sequence.
//!
//! Each operation is carried out the way an interpreter would compose the
//! library calls for that Python expression (see the table in `ops.rs`), so
//! this also checks those recipes.

use std::collections::HashMap;
use std::fs;
use std::mem;
use std::path::Path;

use rpy_interpreter::sets::ops::{self, CompareOp, Operand};
use rpy_interpreter::sets::table::{KeyEq, SetKey, SetTable};

/// A test element: object identity, Python value, and whether `__eq__` raises.
#[derive(Clone, Debug)]
struct Obj {
    id: u32,
    value: i128,
    boom: bool,
}

impl SetKey for Obj {
    fn same(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

/// The error an element's `__eq__` raises.
#[derive(Debug)]
struct Boom;

/// Equality context: compares values and logs `(stored, probe)` ids.
#[derive(Default)]
struct Cx {
    log: Vec<(u32, u32)>,
}

impl KeyEq<Obj> for Cx {
    type Error = Boom;
    fn key_eq(&mut self, stored: &Obj, probe: &Obj) -> Result<bool, Boom> {
        self.log.push((stored.id, probe.id));
        if stored.boom || probe.boom {
            return Err(Boom);
        }
        Ok(stored.value == probe.value)
    }
}

/// A Python set or frozenset object.
#[derive(Default)]
struct SetObj {
    table: SetTable<Obj>,
    frozen: bool,
    /// Cached `hash(frozenset)`.
    hash: Option<i64>,
}

type Item = (Obj, i64);

/// An iterable's `next` callback over pre-hashed items.
fn source(items: Vec<Item>) -> impl FnMut(&mut Cx) -> Result<Option<Item>, Boom> {
    let mut it = items.into_iter();
    move |_| Ok(it.next())
}

/// The operand for `other`, given the first operand's object index.
fn operand<'a>(sets: &'a [SetObj], first: usize, other: usize) -> Operand<'a, Obj> {
    if first == other {
        Operand::Itself
    } else {
        Operand::Set(&sets[other].table)
    }
}

#[derive(Default)]
struct Episode {
    name: String,
    objs: Vec<Item>,
    sets: Vec<SetObj>,
    vars: HashMap<String, usize>,
    cx: Cx,
}

/// What an operation returned: `None` when it returns nothing worth checking.
type Outcome = Result<Option<String>, Boom>;

impl Episode {
    fn var(&self, name: &str) -> usize {
        *self
            .vars
            .get(name)
            .unwrap_or_else(|| panic!("{}: unknown variable {name}", self.name))
    }

    fn item(&self, tok: &str) -> Item {
        let id: usize = tok.parse().expect("object id");
        self.objs[id].clone()
    }

    fn items(&self, toks: &[&str]) -> Vec<Item> {
        expand_ids(toks)
            .into_iter()
            .map(|id| self.objs[id as usize].clone())
            .collect()
    }

    fn assign(&mut self, dest: &str, table: SetTable<Obj>, frozen: bool) {
        self.sets.push(SetObj {
            table,
            frozen,
            hash: None,
        });
        self.vars.insert(dest.to_string(), self.sets.len() - 1);
    }

    fn alias(&mut self, dest: &str, obj: usize) {
        self.vars.insert(dest.to_string(), obj);
    }

    /// Runs `f` on a mutable set taken out of the object list, so that the
    /// other objects can be borrowed meanwhile; `f` gets that set's index.
    fn with_mut<R>(
        &mut self,
        name: &str,
        f: impl FnOnce(&mut SetTable<Obj>, &[SetObj], &mut Cx, usize) -> R,
    ) -> R {
        let i = self.var(name);
        assert!(!self.sets[i].frozen, "{}: mutating a frozenset", self.name);
        let mut table = mem::take(&mut self.sets[i].table);
        let r = f(&mut table, &self.sets, &mut self.cx, i);
        self.sets[i].table = table;
        r
    }

    /// `a.intersection(*others)` (`set_intersection_multi`).
    fn intersection_multi(&mut self, a: usize, others: &[usize]) -> Result<SetTable<Obj>, Boom> {
        let mut result = ops::intersection(
            &self.sets[a].table,
            operand(&self.sets, a, others[0]),
            &mut self.cx,
        )?;
        for &t in &others[1..] {
            result = ops::intersection(&result, Operand::Set(&self.sets[t].table), &mut self.cx)?;
        }
        Ok(result)
    }

    fn exec(&mut self, t: &[&str]) -> Outcome {
        let op = t[0];
        match op {
            "new" => self.assign(t[1], SetTable::new(), false),
            "fromlist" | "ffromlist" => {
                let items = self.items(&t[2..]);
                let table = ops::from_iter(&mut self.cx, source(items))?;
                self.assign(t[1], table, op == "ffromlist");
            }
            "fromdict" => {
                let items = self.items(&t[2..]);
                let mut table = SetTable::new();
                ops::update_from_dict(&mut table, items.len(), items, &mut self.cx)?;
                self.assign(t[1], table, false);
            }
            "fromset" | "ffromset" | "copy" => {
                let a = self.var(t[2]);
                let frozen = match op {
                    "fromset" => false,
                    "ffromset" => true,
                    _ => self.sets[a].frozen,
                };
                if frozen && self.sets[a].frozen {
                    // frozenset(f) and f.copy() return f itself.
                    self.alias(t[1], a);
                } else {
                    let table = ops::copy(&self.sets[a].table);
                    self.assign(t[1], table, frozen);
                }
            }
            "init" => {
                let items = self.items(&t[2..]);
                self.with_mut(t[1], |s, _, cx, _| {
                    if s.fill() > 0 {
                        s.clear();
                    }
                    ops::update_from_iter(s, cx, source(items))
                })?;
            }
            "initset" => {
                let o = self.var(t[2]);
                self.with_mut(t[1], |s, sets, cx, i| {
                    if s.fill() > 0 {
                        s.clear();
                    }
                    ops::update(s, operand(sets, i, o), cx)
                })?;
            }
            "add" => {
                let (k, h) = self.item(t[2]);
                self.with_mut(t[1], |s, _, cx, _| s.add(k, h, cx))?;
            }
            "discard" | "remove" => {
                let (k, h) = self.item(t[2]);
                let found = self.with_mut(t[1], |s, _, cx, _| s.discard(&k, h, cx))?;
                if op == "remove" {
                    return Ok(Some(
                        if found.is_some() { "None" } else { "KeyError" }.into(),
                    ));
                }
            }
            "pop" => {
                let popped = self.with_mut(t[1], |s, _, _, _| s.pop());
                return Ok(Some(popped.map_or("KeyError".into(), |k| k.id.to_string())));
            }
            "contains" => {
                let (k, h) = self.item(t[2]);
                let a = self.var(t[1]);
                let r = self.sets[a].table.contains(&k, h, &mut self.cx)?;
                return Ok(Some(py_bool(r)));
            }
            "clear" => {
                self.with_mut(t[1], |s, _, _, _| s.clear());
            }
            "update" | "ior" | "diffupd" | "isub" | "symupd" | "ixor" => {
                let others: Vec<usize> = t[2..].iter().map(|n| self.var(n)).collect();
                self.with_mut(t[1], |s, sets, cx, i| {
                    for &o in &others {
                        let other = operand(sets, i, o);
                        match op {
                            "update" | "ior" => ops::update(s, other, cx)?,
                            "diffupd" | "isub" => ops::difference_update(s, other, cx)?,
                            _ => ops::symmetric_difference_update(s, other, cx)?,
                        }
                    }
                    Ok(())
                })?;
            }
            "updlist" | "diffupdlist" | "symupdlist" | "interupdlist" => {
                let items = self.items(&t[2..]);
                self.with_mut(t[1], |s, _, cx, _| match op {
                    "updlist" => ops::update_from_iter(s, cx, source(items)),
                    "diffupdlist" => ops::difference_update_iter(s, cx, source(items)),
                    "symupdlist" => ops::symmetric_difference_update_iter(s, cx, source(items)),
                    _ => ops::intersection_update_iter(s, cx, source(items)),
                })?;
            }
            "upddict" | "symupddict" => {
                let items = self.items(&t[2..]);
                self.with_mut(t[1], |s, _, cx, _| {
                    if op == "upddict" {
                        ops::update_from_dict(s, items.len(), items, cx)
                    } else {
                        ops::symmetric_difference_update_entries(s, items, cx)
                    }
                })?;
            }
            "interupd" | "iand" => {
                let s = self.var(t[1]);
                let others: Vec<usize> = t[2..].iter().map(|n| self.var(n)).collect();
                if op == "iand" {
                    self.with_mut(t[1], |s, sets, cx, i| {
                        ops::intersection_update(s, operand(sets, i, others[0]), cx)
                    })?;
                } else {
                    let mut tmp = self.intersection_multi(s, &others)?;
                    self.sets[s].table.swap_bodies(&mut tmp);
                }
            }
            "union" | "or" | "inter" | "and" | "diff" | "sub" | "symdiff" | "xor" => {
                let a = self.var(t[2]);
                let others: Vec<usize> = t[3..].iter().map(|n| self.var(n)).collect();
                if op == "inter" || op == "and" {
                    let table = self.intersection_multi(a, &others)?;
                    let frozen = self.sets[a].frozen;
                    self.assign(t[1], table, frozen);
                    return Ok(None);
                }
                let sets = &self.sets;
                let cx = &mut self.cx;
                let at = &sets[a].table;
                let table = match op {
                    "union" | "or" => {
                        // set_union: copy, then merge every argument that is not `a`.
                        let mut r = ops::copy(at);
                        for &o in &others {
                            if o != a {
                                ops::update(&mut r, Operand::Set(&sets[o].table), cx)?;
                            }
                        }
                        r
                    }
                    "diff" | "sub" => {
                        let mut r = ops::difference(at, operand(sets, a, others[0]), cx)?;
                        for &o in &others[1..] {
                            ops::difference_update(&mut r, Operand::Set(&sets[o].table), cx)?;
                        }
                        r
                    }
                    _ => ops::symmetric_difference(at, operand(sets, a, others[0]), cx)?,
                };
                let frozen = self.sets[a].frozen;
                self.assign(t[1], table, frozen);
            }
            "unionlist" | "interlist" | "difflist" | "diffdict" | "symdifflist" => {
                let a = self.var(t[2]);
                let items = self.items(&t[3..]);
                let cx = &mut self.cx;
                let at = &self.sets[a].table;
                let table = match op {
                    "unionlist" => {
                        let mut r = ops::copy(at);
                        ops::update_from_iter(&mut r, cx, source(items))?;
                        r
                    }
                    "interlist" => ops::intersection_iter(at, cx, source(items))?,
                    "difflist" => {
                        let mut r = ops::copy(at);
                        ops::difference_update_iter(&mut r, cx, source(items))?;
                        r
                    }
                    "diffdict" => {
                        if (at.len() >> 2) > items.len() {
                            let mut r = ops::copy(at);
                            ops::difference_update_iter(&mut r, cx, source(items))?;
                            r
                        } else {
                            // `_PyDict_Contains_KnownHash`; int episodes only, so
                            // the dict's own comparisons are not logged.
                            ops::difference_filter(at, cx, |_, k, _| {
                                Ok(items.iter().any(|(d, _)| d.value == k.value))
                            })?
                        }
                    }
                    _ => {
                        let mut r = ops::from_iter(cx, source(items))?;
                        ops::symmetric_difference_update(&mut r, Operand::Set(at), cx)?;
                        r
                    }
                };
                let frozen = self.sets[a].frozen;
                self.assign(t[1], table, frozen);
            }
            "issubset" | "issuperset" | "isdisjoint" => {
                let a = self.var(t[1]);
                let b = self.var(t[2]);
                let at = &self.sets[a].table;
                let other = operand(&self.sets, a, b);
                let r = match op {
                    "issubset" => ops::is_subset(at, other, &mut self.cx)?,
                    "issuperset" => ops::is_superset(at, other, &mut self.cx)?,
                    _ => ops::is_disjoint(at, other, &mut self.cx)?,
                };
                return Ok(Some(py_bool(r)));
            }
            "issubsetlist" | "issupersetlist" | "isdisjointlist" => {
                let a = self.var(t[1]);
                let items = self.items(&t[2..]);
                let at = &self.sets[a].table;
                let r = match op {
                    "issubsetlist" => ops::is_subset_iter(at, &mut self.cx, source(items))?,
                    "issupersetlist" => ops::is_superset_iter(at, &mut self.cx, source(items))?,
                    _ => ops::is_disjoint_iter(at, &mut self.cx, source(items))?,
                };
                return Ok(Some(py_bool(r)));
            }
            "cmp" => {
                let a = self.var(t[1]);
                let b = self.var(t[3]);
                let cop = match t[2] {
                    "<" => CompareOp::Lt,
                    "<=" => CompareOp::Le,
                    "==" => CompareOp::Eq,
                    "!=" => CompareOp::Ne,
                    ">" => CompareOp::Gt,
                    ">=" => CompareOp::Ge,
                    other => panic!("bad comparison {other}"),
                };
                let (va, vb) = (&self.sets[a], &self.sets[b]);
                let r = ops::rich_compare(
                    &va.table,
                    va.hash,
                    operand(&self.sets, a, b),
                    vb.hash,
                    cop,
                    &mut self.cx,
                )?;
                return Ok(Some(py_bool(r)));
            }
            "hash" => {
                let a = self.var(t[1]);
                let h = self.sets[a].table.frozenset_hash();
                if self.sets[a].frozen {
                    self.sets[a].hash = Some(h);
                }
                return Ok(Some(h.to_string()));
            }
            other => panic!("{}: unknown operation {other}", self.name),
        }
        Ok(None)
    }

    /// Checks one `?` line; returns a description of the mismatch.
    fn check(&self, t: &[&str], got: &Option<String>, log: &[(u32, u32)]) -> Result<(), String> {
        match t[1] {
            "val" => {
                let want = t[2..].join(" ");
                match got {
                    Some(g) if *g == want => Ok(()),
                    _ => Err(format!("value: want {want}, got {got:?}")),
                }
            }
            "eq" => {
                let want: Vec<&str> = t[2..].to_vec();
                let got: Vec<String> = log.iter().map(|(a, b)| format!("{a}:{b}")).collect();
                if want == got {
                    Ok(())
                } else {
                    Err(format!("eq calls: want {want:?}, got {got:?}"))
                }
            }
            "set" => {
                let obj = &self.sets[self.var(t[2])];
                let size: usize = t[3].parse().expect("table size");
                let want = expand_ids(&t[4..]);
                let got: Vec<u32> = obj.table.iter().map(|(k, _)| k.id).collect();
                if obj.table.table_size() != size {
                    return Err(format!(
                        "{}: table size want {size}, got {}",
                        t[2],
                        obj.table.table_size()
                    ));
                }
                if want != got {
                    return Err(format!("{}: order\n want {want:?}\n got  {got:?}", t[2]));
                }
                // The position-based walk a Python set iterator uses agrees.
                let mut walked = Vec::new();
                let mut pos = 0;
                while let Some((i, k, _)) = obj.table.next_entry(pos) {
                    walked.push(k.id);
                    pos = i + 1;
                }
                if walked != got {
                    return Err(format!("{}: next_entry walk differs from iter", t[2]));
                }
                Ok(())
            }
            other => panic!("unknown check {other}"),
        }
    }
}

/// Object ids, with `FIRST-LAST` tokens standing for runs.
fn expand_ids(toks: &[&str]) -> Vec<u32> {
    let mut out = Vec::new();
    for tok in toks {
        match tok.split_once('-') {
            Some((a, b)) => {
                let (a, b): (u32, u32) =
                    (a.parse().expect("run start"), b.parse().expect("run end"));
                out.extend(a..=b);
            }
            None => out.push(tok.parse().expect("object id")),
        }
    }
    out
}

fn py_bool(b: bool) -> String {
    if b { "True" } else { "False" }.to_string()
}

#[test]
fn replay_cpython_cases() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/set_cases.txt");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; generate it with `python3 gen_cases.py`",
            path.display()
        )
    });

    let mut ep = Episode::default();
    let mut failed_episode = false;
    let mut failures: Vec<String> = Vec::new();
    let (mut episodes, mut ops_run, mut checks) = (0usize, 0usize, 0usize);
    let mut last_line = String::new();
    let mut got_val: Option<String> = None;
    let mut val_checked = true;

    for (lineno, line) in text.lines().enumerate() {
        let t: Vec<&str> = line.split(' ').filter(|s| !s.is_empty()).collect();
        if t.is_empty() {
            continue;
        }
        if t[0] != "?" && !val_checked && !failed_episode {
            // The previous operation returned something nobody expected.
            failures.push(format!(
                "{} line {}: {last_line}: unexpected value {got_val:?}",
                ep.name, lineno
            ));
            failed_episode = true;
        }
        match t[0] {
            "episode" => {
                ep = Episode {
                    name: t[1].to_string(),
                    ..Episode::default()
                };
                failed_episode = false;
                episodes += 1;
                val_checked = true;
            }
            "obj" => {
                let id: u32 = t[1].parse().expect("object id");
                assert_eq!(id as usize, ep.objs.len(), "objects are declared in order");
                let hash: i64 = t[2].parse().expect("hash");
                let value: i128 = t[3].parse().expect("value");
                ep.objs.push((
                    Obj {
                        id,
                        value,
                        boom: t[4] == "b",
                    },
                    hash,
                ));
            }
            "objs" => {
                let n: [i128; 4] = [1, 2, 3, 4].map(|i| t[i].parse().expect("objs field"));
                assert_eq!(
                    n[0] as usize,
                    ep.objs.len(),
                    "objects are declared in order"
                );
                for k in 0..n[1] {
                    let obj = Obj {
                        id: (n[0] + k) as u32,
                        value: n[2] + k,
                        boom: false,
                    };
                    ep.objs.push((obj, (n[3] + k) as i64));
                }
            }
            "?" => {
                if failed_episode {
                    continue;
                }
                checks += 1;
                if t[1] == "val" {
                    val_checked = true;
                }
                if let Err(msg) = ep.check(&t, &got_val, &ep.cx.log) {
                    failures.push(format!(
                        "{} line {}: after `{}`: {msg}",
                        ep.name,
                        lineno + 1,
                        last_line
                    ));
                    failed_episode = true;
                }
            }
            _ => {
                if failed_episode {
                    continue;
                }
                ep.cx.log.clear();
                ops_run += 1;
                got_val = match ep.exec(&t) {
                    Ok(v) => v,
                    Err(Boom) => Some("Error".to_string()),
                };
                val_checked = got_val.is_none();
                last_line = if line.len() > 200 {
                    format!("{}...", &line[..200])
                } else {
                    line.to_string()
                };
            }
        }
    }
    if !val_checked && !failed_episode {
        failures.push(format!(
            "{}: {last_line}: unexpected value {got_val:?}",
            ep.name
        ));
    }
    eprintln!(
        "{episodes} episodes, {ops_run} operations, {checks} checks, {} failing episodes",
        failures.len()
    );
    for f in failures.iter().take(10) {
        eprintln!("{f}\n");
    }
    assert!(
        failures.is_empty(),
        "{} episodes diverged from CPython",
        failures.len()
    );
}
