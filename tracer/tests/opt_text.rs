//! Optimizer and text-format tests driven by trace text.
//!
//! Every `tests/opt/*.trace` file has a `--- input` section and an `--- expected` section
//! (text before `--- input` is a free description). The test parses the input, runs
//! `opt::optimize`, verifies the result and compares its printed form with the expected
//! section exactly (blank lines and `#` comment lines of the section ignored). Set
//! `OPT_BLESS=1` to rewrite the expected sections from the current output (then review the
//! diff!).

use rpy_tracer::ir::text::{parse, print, verify};
use rpy_tracer::ir::{OpKind, OpRef, Trace};
use rpy_tracer::opt::{optimize, PASSES};
use std::path::{Path, PathBuf};

const INPUT: &str = "--- input";
const EXPECTED: &str = "--- expected";

fn case_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/opt");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "trace"))
        .collect();
    files.sort();
    files
}

/// Split a case file into (input text, expected text).
fn sections(text: &str) -> Result<(String, String), String> {
    let i = text.find(INPUT).ok_or("no `--- input` section")?;
    let rest = &text[i + INPUT.len()..];
    let e = rest.find(EXPECTED).ok_or("no `--- expected` section")?;
    Ok((rest[..e].to_string(), rest[e + EXPECTED.len()..].to_string()))
}

/// The op lines of a section: no blank lines, no comment-only lines, trailing space trimmed.
fn op_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.trim_end().to_string())
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .collect()
}

/// A line diff (longest common subsequence): ` ` same, `-` expected only, `+` actual only.
fn diff(expected: &[String], actual: &[String]) -> String {
    let (n, m) = (expected.len(), actual.len());
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if expected[i] == actual[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < n || j < m {
        if i < n && j < m && expected[i] == actual[j] {
            out += &format!("   {}\n", expected[i]);
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out += &format!(" + {}\n", actual[j]);
            j += 1;
        } else {
            out += &format!(" - {}\n", expected[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn opt_trace_files() {
    let files = case_files();
    assert!(files.len() >= 20, "expected at least 20 .trace cases, found {}", files.len());
    let bless = std::env::var_os("OPT_BLESS").is_some();
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned());
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let (input, expected) = match sections(&text) {
            Ok(s) => s,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        let trace = match parse(&input) {
            Ok(t) => t,
            Err(e) => {
                failures.push(format!("{name}: input does not parse: {e}"));
                continue;
            }
        };
        let out = optimize(&trace);
        if let Err(e) = verify(&out) {
            failures.push(format!("{name}: optimizer output fails verification: {e}\n{}", print(&out)));
            continue;
        }
        let printed = print(&out);
        if bless {
            let head = &text[..text.find(EXPECTED).unwrap_or(text.len())];
            let _ = std::fs::write(path, format!("{head}{EXPECTED}\n{printed}"));
            continue;
        }
        let (want, got) = (op_lines(&expected), op_lines(&printed));
        if want != got {
            failures.push(format!("{name}: optimizer output differs (- expected, + actual):\n{}", diff(&want, &got)));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n\n{}", failures.len(), files.len(), failures.join("\n"));
}

/// Each pass alone also produces a valid trace on every case input.
#[test]
fn each_pass_output_verifies() {
    for path in case_files() {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let Ok((input, _)) = sections(&text) else { continue };
        let Ok(trace) = parse(&input) else { continue };
        for pass in PASSES {
            let out = (pass.run)(&trace);
            if let Err(e) = verify(&out) {
                panic!("{}: pass {} gives an invalid trace: {e}\n{}", path.display(), pass.name, print(&out));
            }
        }
    }
}

// ---- round trips -------------------------------------------------------------------------

const CANONICAL: &[&str] = &[
    "r0 = load_slot(0)\nguard_int(r0) exit=0\ni2 = unbox_int(r0)\nr3 = load_slot(1)\nguard_int(r3) exit=1\n\
     i5 = unbox_int(r3)\nlabel()\ni7 = phi_int(i2)\nb8 = int_lt(i7, i5)\nguard_true(b8) exit=2\n\
     i10 = const_int(1)\ni11 = int_add_ovf(i7, i10) exit=3\njump(i11)\n",
    "f0 = const_float(2.5)\nf1 = const_float(-0.0)\nf2 = const_float(inf)\nf3 = const_float(-inf)\n\
     f4 = const_float(nan)\nf5 = const_float(1e300)\nf6 = const_float(0.1)\nf7 = const_float(5e-324)\n\
     f8 = const_float(1.7976931348623157e308)\nf9 = const_float(3.0)\n",
    "i0 = const_int(-9223372036854775808)\ni1 = const_int(9223372036854775807)\ni2 = const_int(0)\n",
    "r0 = load_slot(3)\nstore_slot(7, r0)\nlabel()\nr3 = phi_ref(r0)\nstore_slot(3, r3)\njump(r3)\n",
    "r0 = load_slot(0)\nguard_float(r0) exit=5\nf2 = unbox_float(r0)\ni3 = const_int(2)\nf4 = int_to_float(i3)\n\
     label()\nf6 = phi_float(f2)\ni7 = phi_int(i3)\nf8 = float_mul(f6, f4)\nb9 = float_lt(f8, f4)\n\
     guard_false(b9) exit=4294967295\nr11 = box_float(f8)\nr12 = box_int(i7)\nstore_slot(0, r11)\n\
     store_slot(1, r12)\njump(f8, i7)\n",
    "label()\njump()\n",
    "",
];

#[test]
fn round_trip_canonical() {
    for text in CANONICAL {
        let t = parse(text).unwrap_or_else(|e| panic!("{e}\nin:\n{text}"));
        assert_eq!(&print(&t), text);
        assert_eq!(parse(&print(&t)).as_ref(), Ok(&t));
    }
}

/// Non-canonical spellings (any numbering, spacing, comments, float spellings) print
/// canonically.
#[test]
fn round_trip_normalises() {
    let cases: &[(&str, &str)] = &[
        (
            "# a comment\n\n  r10 = load_slot( 0 )   # trailing\nguard_int(r10)   exit = 3\n\
             i99=unbox_int(r10)\n\ni7 = int_add_ovf(i99,i99) exit=1\n",
            "r0 = load_slot(0)\nguard_int(r0) exit=3\ni2 = unbox_int(r0)\ni3 = int_add_ovf(i2, i2) exit=1\n",
        ),
        (
            "f1 = const_float(NaN)\nf2 = const_float(-Infinity)\nf3 = const_float(1E3)\nf4 = const_float(7)\n\
             f5 = const_float(+0.5)\ni6 = const_int(+12)\n",
            "f0 = const_float(nan)\nf1 = const_float(-inf)\nf2 = const_float(1000.0)\nf3 = const_float(7.0)\n\
             f4 = const_float(0.5)\ni5 = const_int(12)\n",
        ),
    ];
    for (input, want) in cases {
        let t = parse(input).unwrap_or_else(|e| panic!("{e}\nin:\n{input}"));
        assert_eq!(&print(&t), want);
    }
}

/// A trace built through the API round-trips through text, including float bit patterns.
#[test]
fn round_trip_built_trace() {
    let mut t = Trace::new();
    let mut floats = Vec::new();
    for x in [0.0, -0.0, 1.0 / 3.0, f64::MIN_POSITIVE, f64::EPSILON, -1e-300, 123456789.0, f64::INFINITY] {
        floats.push(t.push(OpKind::ConstFloat, vec![], f64::to_bits(x), None));
    }
    for bits in [0x7ff8_0000_0000_0000u64, 0xfff8_0000_0000_0000, 0x7ff0_0000_0000_0001, 0xfff8_0000_dead_beef] {
        t.push(OpKind::ConstFloat, vec![], bits, None);
    }
    let s = t.push(OpKind::FloatAdd, vec![floats[2], floats[3]], 0, None);
    let b = t.push(OpKind::FloatGe, vec![s, floats[0]], 0, None);
    t.push(OpKind::GuardTrue, vec![b], 0, Some(7));
    let back = parse(&print(&t)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, t);
    assert_eq!(back.ops[13].args, vec![OpRef(12), OpRef(0)]);
    assert!(print(&t).contains("f8 = const_float(nan)\nf9 = const_float(-nan)\nf10 = const_float(nan:0x7ff0000000000001)\n"));
}

// ---- parse errors ------------------------------------------------------------------------

#[test]
fn parse_errors() {
    let cases: &[(&str, &str)] = &[
        ("i0 = const_int(1)\ni1 = int_frob(i0, i0)\n", "line 2: unknown op `int_frob`"),
        ("i0 = const_int(1)\ni1 = int_add(i0)\n", "line 2: `int_add` takes 2 operand(s), got 1"),
        ("i0 = const_int(1)\ni1 = int_add(i0, i0, i0)\n", "takes 2 operand(s), got 3"),
        ("f0 = const_float(1.0)\ni1 = const_int(1)\ni2 = int_add(i1, f0)\n", "line 3: operand 2 of `int_add` must be I64, got F64"),
        ("i0 = const_int(1)\nguard_true(i0) exit=1\n", "line 2: operand 1 of `guard_true` must be Bool, got I64"),
        ("i0 = const_int(1)\nstore_slot(0, i0)\n", "operand 1 of `store_slot` must be Ref"),
        ("f0 = const_float(1.0)\nr1 = box_int(f0)\n", "operand 1 of `box_int` must be I64"),
        ("i0 = const_int(1)\ni1 = unbox_int(i0)\n", "operand 1 of `unbox_int` must be Ref"),
        ("i0 = const_int(1)\ni1 = int_add(i0, i7)\n", "line 2: undefined value `i7`"),
        ("i1 = int_add(i1, i1)\n", "line 1: undefined value `i1`"),
        ("i0 = const_int(1)\ni0 = const_int(2)\n", "line 2: `i0` is already defined"),
        ("r0 = load_slot(0)\nguard_int(r0)\n", "line 2: guard `guard_int` needs `exit=<n>`"),
        ("i0 = const_int(1) exit=2\n", "`const_int` is not a guard and cannot have an exit"),
        ("i0 = const_int(1)\ni1 = int_add_ovf(i0, i0)\n", "guard `int_add_ovf` needs `exit=<n>`"),
        ("f0 = const_int(1)\n", "`const_int` produces I64, so its name must start with `i`, got `f0`"),
        ("i0 = const_int(1)\nint_add(i0, i0)\n", "line 2: `int_add` produces I64; write `i<n> = int_add(...)`"),
        ("b0 = label()\n", "`label` produces no value"),
        ("i0 = const_int(1.5)\n", "bad integer immediate `1.5`"),
        ("i0 = const_int(99999999999999999999)\n", "bad integer immediate"),
        ("f0 = const_float(abc)\n", "bad float immediate `abc`"),
        ("f0 = const_float(nan:0x3ff0000000000000)\n", "bad float immediate"),
        ("i0 = const_int()\n", "`const_int` needs an immediate"),
        ("r0 = load_slot(-1)\n", "bad slot number `-1`"),
        ("r0 = load_slot(0)\nguard_int(r0) exit=x\n", "bad exit number `x`"),
        ("r0 = load_slot(0)\nguard_int(r0) exti=1\n", "unexpected text after `)`"),
        ("i0 = const_int(1\n", "missing `)`"),
        ("i0 = const_int(1)\ni1 = int_add(i0,, i0)\n", "empty argument"),
        ("x0 = const_int(1)\n", "bad value name `x0`"),
        ("i0 = const_int(1)\ni1 = int_add(i0, 0)\n", "bad value name `0`"),
        ("hello\n", "line 1: expected `<op>(...)`"),
        ("i0 = const_int(1)\njump(i0)\n", "line 2: `jump` without a preceding `label`"),
        ("i0 = const_int(1)\nlabel()\ni2 = phi_int(i0)\njump()\n", "line 4: `jump` takes 1 operand(s) (one per phi), got 0"),
        (
            "i0 = const_int(1)\nf1 = const_float(1.0)\nlabel()\ni3 = phi_int(i0)\njump(f1)\n",
            "operand 1 of `jump` must be I64, got F64",
        ),
        ("i0 = const_int(1)\nlabel()\ni2 = int_add(i0, i0)\ni3 = phi_int(i0)\n", "line 4: `phi_int` must directly follow `label`"),
        ("i0 = const_int(1)\ni1 = phi_int(i0)\n", "`phi_int` must directly follow `label`"),
        ("label()\ni1 = phi_int(i1)\n", "undefined value `i1`"),
        ("label()\nlabel()\n", "line 2: second `label`"),
        ("label()\njump()\ni2 = const_int(1)\n", "line 3: `const_int` after `jump`"),
        ("f0 = const_float(1.0)\nlabel()\ni2 = phi_int(f0)\n", "operand 1 of `phi_int` must be I64"),
    ];
    assert!(cases.len() >= 10);
    for (input, want) in cases {
        match parse(input) {
            Ok(t) => panic!("parsed, expected error containing {want:?}:\n{input}\n=>\n{}", print(&t)),
            Err(e) => assert!(e.contains(want), "error {e:?} does not contain {want:?}\nfor input:\n{input}"),
        }
    }
}

/// `verify` catches what the parser cannot express (forward refs, refs to void ops, stray
/// immediates) in traces built through the API.
#[test]
fn verify_errors() {
    let mut t = Trace::new();
    t.push(OpKind::IntAdd, vec![OpRef(1), OpRef(1)], 0, None);
    t.push(OpKind::ConstInt, vec![], 1, None);
    assert!(verify(&t).unwrap_err().contains("not defined before use"));

    let mut t = Trace::new();
    let l = t.push(OpKind::Label, vec![], 0, None);
    t.push(OpKind::BoxInt, vec![l], 0, None);
    assert!(verify(&t).unwrap_err().contains("refers to void op"));

    let mut t = Trace::new();
    let c = t.push(OpKind::ConstInt, vec![], 1, None);
    t.push(OpKind::IntAdd, vec![c, c], 5, None);
    assert!(verify(&t).unwrap_err().contains("has no immediate"));
}

/// The parser never panics: mutations of valid traces either parse (and then verify,
/// optimize, and re-print to a fixpoint) or give an error.
#[test]
fn parse_mutations_do_not_panic() {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    let alphabet: Vec<char> = "()=, #\nifbr0123456789_-.exitjumplabelphint".chars().collect();
    let mut corpus: Vec<String> = CANONICAL.iter().map(|s| s.to_string()).collect();
    for path in case_files() {
        if let Ok((input, _)) = sections(&std::fs::read_to_string(path).unwrap_or_default()) {
            corpus.push(input);
        }
    }
    let mut parsed = 0;
    for round in 0..4000 {
        let base = &corpus[round % corpus.len()];
        let mut chars: Vec<char> = base.chars().collect();
        for _ in 0..1 + next(3) {
            let pos = next(chars.len() + 1);
            match next(3) {
                0 if pos < chars.len() => {
                    chars.remove(pos);
                }
                1 => chars.insert(pos, alphabet[next(alphabet.len())]),
                _ if pos < chars.len() => chars[pos] = alphabet[next(alphabet.len())],
                _ => {}
            }
        }
        let text: String = chars.into_iter().collect();
        if let Ok(t) = parse(&text) {
            parsed += 1;
            verify(&t).unwrap_or_else(|e| panic!("parsed but invalid: {e}\n{text}"));
            let o = optimize(&t);
            verify(&o).unwrap_or_else(|e| panic!("optimized invalid: {e}\n{text}"));
            assert_eq!(parse(&print(&o)).as_ref(), Ok(&o));
        }
    }
    assert!(parsed > 0);
}

/// `optimize` reaches a fixpoint: optimizing its output again changes nothing.
#[test]
fn optimize_is_idempotent() {
    for path in case_files() {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let Ok((input, _)) = sections(&text) else { continue };
        let Ok(trace) = parse(&input) else { continue };
        let once = optimize(&trace);
        assert_eq!(print(&optimize(&once)), print(&once), "{}", path.display());
    }
}

/// Folding a NaN-producing float op gives exactly the bits the hardware gives at run time
/// (x86 produces a negative NaN, ARM a positive one), and the printed text keeps them.
#[test]
fn fold_nan_bits_match_runtime() {
    use std::hint::black_box;
    let zero = black_box(0.0f64);
    let inf = black_box(f64::INFINITY);
    let cases: &[(&str, f64)] = &[
        ("float_div(f0, f0)", zero / zero),
        ("float_sub(f1, f1)", inf - inf),
        ("float_mul(f1, f0)", inf * zero),
    ];
    for (expr, want) in cases {
        let text = format!("f0 = const_float(0.0)\nf1 = const_float(inf)\nf2 = {expr}\nr3 = box_float(f2)\nstore_slot(0, r3)\n");
        let out = optimize(&parse(&text).unwrap_or_else(|e| panic!("{e}")));
        let consts: Vec<u64> = out.ops.iter().filter(|o| o.kind == OpKind::ConstFloat).map(|o| o.imm).collect();
        assert_eq!(consts, vec![want.to_bits()], "{expr}:\n{}", print(&out));
        assert_eq!(parse(&print(&out)).as_ref(), Ok(&out));
    }
}
