//! Code generation tests: traces built with `Trace::push`, compiled with Cranelift and run on
//! raw `Value` bits.

use rpy_interpreter::value::Value;
use rpy_tracer::codegen::{CompiledTrace, JitModule, JitOptions, OptLevel, FINISHED};
use rpy_tracer::ir::{OpKind as K, OpRef, Trace, Ty};

fn jit() -> JitModule {
    JitModule::with_options(JitOptions { verifier: true, keep_clif: true, ..JitOptions::default() }).expect("host JIT")
}

/// Raw bits of an inline int (no Drop concerns: not a pointer).
fn int(i: i64) -> u64 {
    Value::small_int(i).expect("inline int").bits()
}

fn float(f: f64) -> u64 {
    Value::float(f).bits()
}

/// Decodes inline-int bits (the layout of `Value::as_small_int_unchecked`), checked by
/// re-encoding through `Value::small_int`.
fn as_int(bits: u64) -> i64 {
    assert!(bits >> 48 == 0xFFFA, "not an inline int: {bits:#x}");
    let i = ((bits << 16) as i64) >> 16;
    assert_eq!(int(i), bits);
    i
}

/// Compiles `t` after giving every guard behind the label the phis as its snapshot (the
/// shape of a loop trace's exits at the loop header).
fn compile(j: &mut JitModule, t: &Trace) -> Result<CompiledTrace, String> {
    let mut t = t.clone();
    let mut phis = Vec::new();
    let mut after_label = false;
    for i in 0..t.ops.len() {
        match t.ops[i].kind {
            K::Label => after_label = true,
            K::PhiInt | K::PhiFloat | K::PhiRef if after_label => phis.push(OpRef(i as u32)),
            _ if after_label && t.ops[i].is_guard() => t.ops[i].snap = phis.clone(),
            _ => {}
        }
    }
    j.compile(&t)
}

fn push(t: &mut Trace, k: K, args: &[OpRef]) -> OpRef {
    t.push(k, args.to_vec(), 0, None)
}

fn guard(t: &mut Trace, k: K, args: &[OpRef], exit: u32) -> OpRef {
    t.push(k, args.to_vec(), 0, Some(exit))
}

fn const_int(t: &mut Trace, i: i64) -> OpRef {
    t.push(K::ConstInt, vec![], i as u64, None)
}

fn load(t: &mut Trace, k: u64) -> OpRef {
    t.push(K::LoadSlot, vec![], k, None)
}

/// `while i < n: i += step` over slots[0] = i, slots[1] = n.
fn sum_loop(step: i64) -> Trace {
    let mut t = Trace::new();
    let r0 = load(&mut t, 0);
    guard(&mut t, K::GuardInt, &[r0], 0);
    let i = push(&mut t, K::UnboxInt, &[r0]);
    let r1 = load(&mut t, 1);
    guard(&mut t, K::GuardInt, &[r1], 0);
    let n = push(&mut t, K::UnboxInt, &[r1]);
    let c = const_int(&mut t, step);
    push(&mut t, K::Label, &[]);
    let pi = push(&mut t, K::PhiInt, &[i]);
    let pn = push(&mut t, K::PhiInt, &[n]);
    let b = push(&mut t, K::IntLt, &[pi, pn]);
    guard(&mut t, K::GuardTrue, &[b], 1);
    let i2 = guard(&mut t, K::IntAddOvf, &[pi, c], 2);
    push(&mut t, K::Jump, &[i2, pn]);
    t
}

#[test]
fn sum_loop_exits_with_unboxed_ints() {
    let mut j = jit();
    let ct = compile(&mut j, &sum_loop(1)).expect("compile");
    assert_eq!(ct.slots_len(), 2);
    assert_eq!(ct.exitbuf_len(), 3);
    let info = ct.exit_info(1).expect("exit 1");
    assert_eq!(info.snapshot.iter().map(|s| s.1).collect::<Vec<_>>(), vec![Ty::I64, Ty::I64]);
    for (start, n) in [(0i64, 1_000_000i64), (5, 5), (-100, 37), (10, 3)] {
        let mut slots = [int(start), int(n)];
        let mut buf = [0u64; 3];
        assert_eq!(ct.run(&mut slots, &mut buf), 1);
        assert_eq!(buf[0], 1);
        assert_eq!(buf[1] as i64, start.max(n));
        assert_eq!(buf[2] as i64, n);
        // Slots are untouched (no store_slot).
        assert_eq!(slots, [int(start), int(n)]);
    }
}

#[test]
fn float_accumulation_matches_rust() {
    // slots[0] = acc (float), slots[1] = i (int), slots[2] = n (int), slots[3] = x (float)
    // while i < n: acc = acc * 1.0000001 + x / 3.0 + float(i); i += 1
    let mut t = Trace::new();
    let r0 = load(&mut t, 0);
    guard(&mut t, K::GuardFloat, &[r0], 0);
    let acc = push(&mut t, K::UnboxFloat, &[r0]);
    let r1 = load(&mut t, 1);
    guard(&mut t, K::GuardInt, &[r1], 0);
    let i = push(&mut t, K::UnboxInt, &[r1]);
    let r2 = load(&mut t, 2);
    guard(&mut t, K::GuardInt, &[r2], 0);
    let n = push(&mut t, K::UnboxInt, &[r2]);
    let r3 = load(&mut t, 3);
    guard(&mut t, K::GuardFloat, &[r3], 0);
    let x = push(&mut t, K::UnboxFloat, &[r3]);
    let k = t.push(K::ConstFloat, vec![], 1.0000001f64.to_bits(), None);
    let three = t.push(K::ConstFloat, vec![], 3.0f64.to_bits(), None);
    let one = const_int(&mut t, 1);
    push(&mut t, K::Label, &[]);
    let pacc = push(&mut t, K::PhiFloat, &[acc]);
    let pi = push(&mut t, K::PhiInt, &[i]);
    let c = push(&mut t, K::IntLt, &[pi, n]);
    guard(&mut t, K::GuardTrue, &[c], 7);
    let m = push(&mut t, K::FloatMul, &[pacc, k]);
    let d = push(&mut t, K::FloatDiv, &[x, three]);
    let s = push(&mut t, K::FloatAdd, &[m, d]);
    let fi = push(&mut t, K::IntToFloat, &[pi]);
    let acc2 = push(&mut t, K::FloatAdd, &[s, fi]);
    let i2 = guard(&mut t, K::IntAddOvf, &[pi, one], 8);
    push(&mut t, K::Jump, &[acc2, i2]);

    let mut j = jit();
    let ct = compile(&mut j, &t).expect("compile");
    let (acc0, x0, nn) = (0.25f64, 1.7f64, 100_000i64);
    let mut slots = [float(acc0), int(0), int(nn), float(x0)];
    let mut buf = [0u64; 3];
    assert_eq!(ct.run(&mut slots, &mut buf), 7);
    let mut a = acc0;
    for i in 0..nn {
        a = a * 1.0000001 + x0 / 3.0 + i as f64;
    }
    assert_eq!(buf[1], float(a), "jit {} vs rust {}", f64::from_bits(buf[1]), a);
    assert_eq!(buf[2] as i64, nn);
}

/// A heap int's bits, kept alive by `keep`.
fn big(keep: &mut Vec<Value>, i: i64) -> u64 {
    let v = rpy_interpreter::vm::new_int(i);
    let bits = v.bits();
    keep.push(v);
    bits
}

#[test]
fn ints_run_to_the_edge_of_64_bits() {
    let mut keep = Vec::new();
    let mut j = jit();
    let ct = compile(&mut j, &sum_loop(1)).expect("compile");
    // Across the inline range's end: the trace's ints are 64 bits wide; entry takes heap ints.
    let edge = 1i64 << 47;
    let mut slots = [int(edge - 5), big(&mut keep, edge + 5)];
    let mut buf = [0u64; 3];
    assert_eq!(ct.run(&mut slots, &mut buf), 1);
    assert_eq!((buf[1] as i64, buf[2] as i64), (edge + 5, edge + 5));

    let max = i64::MAX;
    let mut slots = [big(&mut keep, max - 5), big(&mut keep, max)];
    assert_eq!(ct.run(&mut slots, &mut buf), 1, "max itself is fine");
    assert_eq!(buf[1] as i64, max);

    let ct3 = compile(&mut j, &sum_loop(3)).expect("compile");
    let mut slots = [big(&mut keep, max - 5), big(&mut keep, max)];
    // max-5 -> max-2 -> max+1: overflow; snapshot holds the phi at iteration start (max - 2).
    assert_eq!(ct3.run(&mut slots, &mut buf), 2);
    assert_eq!(buf[0], 2);
    assert_eq!(buf[1] as i64, max - 2);
    assert_eq!(buf[2] as i64, max);

    // Negative direction: step -1 from the minimum.
    let min = i64::MIN;
    let ctm = compile(&mut j, &sum_loop(-1)).expect("compile");
    let mut slots = [big(&mut keep, min + 2), int(5)];
    assert_eq!(ctm.run(&mut slots, &mut buf), 2);
    assert_eq!(buf[1] as i64, min);

    // A heap int beyond 64 bits is not an int to the trace: exit 0.
    let huge = rpy_interpreter::vm::int_from_decimal_str("99999999999999999999999");
    let mut slots = [int(0), huge.bits()];
    assert_eq!(ct.run(&mut slots, &mut buf), 0);
}

#[test]
fn mul_overflow_and_sub() {
    // slots[0] = a, slots[1] = b: returns box(a*b) in slots[2], box(a-b) in slots[3]; exit 1
    // when a*b overflows, 2 when a-b does, 3 when either is too big to box inline.
    let mut t = Trace::new();
    let r0 = load(&mut t, 0);
    guard(&mut t, K::GuardInt, &[r0], 0);
    let a = push(&mut t, K::UnboxInt, &[r0]);
    let r1 = load(&mut t, 1);
    guard(&mut t, K::GuardInt, &[r1], 0);
    let b = push(&mut t, K::UnboxInt, &[r1]);
    let d = guard(&mut t, K::IntSubOvf, &[a, b], 2);
    let p = guard(&mut t, K::IntMulOvf, &[a, b], 1);
    guard(&mut t, K::GuardSmallInt, &[p], 3);
    guard(&mut t, K::GuardSmallInt, &[d], 3);
    let bp = push(&mut t, K::BoxInt, &[p]);
    let bd = push(&mut t, K::BoxInt, &[d]);
    t.push(K::StoreSlot, vec![bp], 2, None);
    t.push(K::StoreSlot, vec![bd], 3, None);
    let ct = compile(&mut jit(), &t).expect("compile");
    let mut buf = [0u64; 1];
    let mut keep = Vec::new();
    let max = i64::MAX;
    for (x, y, want) in [
        (3i64, -4i64, Ok(-12i64)),
        (1 << 23, 1 << 23, Ok(1 << 46)),
        (1 << 24, 1 << 23, Err(3)),
        (-(1 << 24), 1 << 23, Ok(-(1 << 47))),
        ((1 << 47) - 1, (1 << 47) - 1, Err(1)), // past 64 bits
        (1 << 31, 1 << 31, Err(3)),             // 2**62: fits 64 bits, not inline
        (max, 1, Err(3)),
        (max, 2, Err(1)),
        (i64::MIN, 0, Err(3)),
        (i64::MIN, -1, Err(1)),
        (-2, max, Err(2)), // -2 - max overflows
    ] {
        let mut slots = [big(&mut keep, x), big(&mut keep, y), 0, 0];
        let r = ct.run(&mut slots, &mut buf);
        match want {
            Ok(w) => {
                assert_eq!(r, FINISHED, "{x}*{y}");
                assert_eq!(slots[2], int(w));
                assert_eq!(slots[3], int(x - y));
            }
            Err(n) => {
                assert_eq!(r, n, "{x}*{y}");
                assert_eq!(slots[2], 0);
            }
        }
    }
}

#[test]
fn type_guard_failure() {
    let ct = compile(&mut jit(), &sum_loop(1)).expect("compile");
    let mut buf = [0u64; 3];
    let mut slots = [float(1.5), int(10)];
    assert_eq!(ct.run(&mut slots, &mut buf), 0);
    assert_eq!(buf[0], 0);
    assert_eq!(ct.exit_info(0).expect("exit 0").snapshot, vec![]);
    // None, True and a NaN are not inline ints either.
    for bits in [Value::NONE.bits(), Value::TRUE.bits(), float(f64::NAN), float(-0.0)] {
        let mut slots = [int(0), bits];
        assert_eq!(ct.run(&mut slots, &mut buf), 0, "{bits:#x}");
    }
    // guard_float rejects ints and None, accepts every float including NaN and -inf.
    let mut t = Trace::new();
    let r = load(&mut t, 0);
    guard(&mut t, K::GuardFloat, &[r], 5);
    let ct = compile(&mut jit(), &t).expect("compile");
    let mut buf = [0u64; 1];
    for (bits, want) in [
        (int(3), 5),
        (Value::NONE.bits(), 5),
        (float(f64::NAN), FINISHED),
        (float(f64::NEG_INFINITY), FINISHED),
        (float(-1.0), FINISHED),
    ] {
        assert_eq!(ct.run(&mut [bits], &mut buf), want, "{bits:#x}");
    }
}

/// The bits of a NaN the hardware makes (inf * 0), as Rust code on this machine makes it.
fn hardware_nan() -> u64 {
    (std::hint::black_box(f64::INFINITY) * std::hint::black_box(0.0)).to_bits()
}

#[test]
fn box_float_keeps_nan_bits() {
    // slots[1] = box(unbox(slots[0]) * 0.0 ... ) : inf * 0 = NaN (with the sign bit set on x86),
    // boxed as is: every NaN arithmetic makes from values is a valid value (below the tags), and
    // keeping its sign is what CPython does.
    let mut t = Trace::new();
    let r0 = load(&mut t, 0);
    guard(&mut t, K::GuardFloat, &[r0], 0);
    let x = push(&mut t, K::UnboxFloat, &[r0]);
    let zero = t.push(K::ConstFloat, vec![], 0.0f64.to_bits(), None);
    let y = push(&mut t, K::FloatMul, &[x, zero]);
    let by = push(&mut t, K::BoxFloat, &[y]);
    t.push(K::StoreSlot, vec![by], 1, None);
    // A raw non-canonical NaN constant, boxed.
    let weird = t.push(K::ConstFloat, vec![], 0xFFF8_0000_0000_1234, None);
    let bw = push(&mut t, K::BoxFloat, &[weird]);
    t.push(K::StoreSlot, vec![bw], 2, None);
    let nz = t.push(K::ConstFloat, vec![], (-0.0f64).to_bits(), None);
    let bnz = push(&mut t, K::BoxFloat, &[nz]);
    t.push(K::StoreSlot, vec![bnz], 3, None);
    let ct = compile(&mut jit(), &t).expect("compile");
    let mut buf = [0u64; 1];
    let mut slots = [float(f64::INFINITY), 0, 0, 0];
    assert_eq!(ct.run(&mut slots, &mut buf), FINISHED);
    assert_eq!(slots[1], hardware_nan());
    assert!(slots[1] < 0xFFF9 << 48);
    assert_eq!(slots[2], 0xFFF8_0000_0000_1234);
    assert_eq!(slots[3], float(-0.0));
    assert_eq!(slots[3], 0x8000_0000_0000_0000);
    let mut slots = [float(2.5), 0, 0, 0];
    assert_eq!(ct.run(&mut slots, &mut buf), FINISHED);
    assert_eq!(slots[1], float(0.0));
}

#[test]
fn phi_float_snapshot_keeps_nan_bits() {
    // Loop: x = x * 0.0 (inf -> NaN); guard_false(x == x) exits with the NaN phi boxed.
    let mut t = Trace::new();
    let r0 = load(&mut t, 0);
    guard(&mut t, K::GuardFloat, &[r0], 0);
    let x = push(&mut t, K::UnboxFloat, &[r0]);
    let zero = t.push(K::ConstFloat, vec![], 0.0f64.to_bits(), None);
    push(&mut t, K::Label, &[]);
    let px = push(&mut t, K::PhiFloat, &[x]);
    let pr = push(&mut t, K::PhiRef, &[r0]);
    let eq = push(&mut t, K::FloatEq, &[px, px]);
    guard(&mut t, K::GuardTrue, &[eq], 3);
    let y = push(&mut t, K::FloatMul, &[px, zero]);
    let z = push(&mut t, K::FloatSub, &[y, y]); // inf*0 = NaN; 0-0 = 0
    push(&mut t, K::Jump, &[z, pr]);
    let ct = compile(&mut jit(), &t).expect("compile");
    let mut buf = [0u64; 3];
    let mut slots = [float(f64::INFINITY)];
    assert_eq!(ct.run(&mut slots, &mut buf), 3);
    assert_eq!(buf[1], hardware_nan());
    assert_eq!(buf[2], float(f64::INFINITY), "phi_ref stored as is");
    // A NaN start exits on the first iteration, with that NaN.
    let mut slots = [float(f64::NAN)];
    assert_eq!(ct.run(&mut slots, &mut buf), 3);
    assert_eq!(buf[1], float(f64::NAN));
}

#[test]
fn straight_line_trace_finishes() {
    // slots[2] = box(a + b), slots[3] = box(float(a) / 2.0), slots[4] = slots[0]; comparisons.
    let mut t = Trace::new();
    let r0 = load(&mut t, 0);
    guard(&mut t, K::GuardInt, &[r0], 0);
    let a = push(&mut t, K::UnboxInt, &[r0]);
    let r1 = load(&mut t, 1);
    guard(&mut t, K::GuardInt, &[r1], 1);
    let b = push(&mut t, K::UnboxInt, &[r1]);
    let s = push(&mut t, K::IntAdd, &[a, b]);
    let bs = push(&mut t, K::BoxInt, &[s]);
    t.push(K::StoreSlot, vec![bs], 2, None);
    let fa = push(&mut t, K::IntToFloat, &[a]);
    let two = t.push(K::ConstFloat, vec![], 2.0f64.to_bits(), None);
    let h = push(&mut t, K::FloatDiv, &[fa, two]);
    let bh = push(&mut t, K::BoxFloat, &[h]);
    t.push(K::StoreSlot, vec![bh], 3, None);
    t.push(K::StoreSlot, vec![r0], 4, None);
    let le = push(&mut t, K::IntLe, &[a, b]);
    guard(&mut t, K::GuardFalse, &[le], 9);
    let ct = compile(&mut jit(), &t).expect("compile");
    assert_eq!(ct.slots_len(), 5);
    assert!(ct.code_size() > 0);
    assert!(ct.clif().is_some_and(|c| c.contains("brif")));
    let mut buf = [0u64; 1];
    let mut slots = [int(-7), int(-20), 0, 0, 0];
    assert_eq!(ct.run(&mut slots, &mut buf), FINISHED);
    assert_eq!(buf[0], FINISHED as u64);
    assert_eq!(slots, [int(-7), int(-20), int(-27), float(-3.5), int(-7)]);
    // The guard after the stores fails: stores already happened, exit 9 with empty snapshot.
    let mut slots = [int(3), int(4), 0, 0, 0];
    assert_eq!(ct.run(&mut slots, &mut buf), 9);
    assert_eq!(slots[2], int(7));
}

#[test]
fn comparisons() {
    use K::*;
    let kinds = [IntLt, IntLe, IntEq, IntNe, IntGt, IntGe, FloatLt, FloatLe, FloatEq, FloatGt, FloatGe];
    let mut j = jit();
    for k in kinds {
        let is_float = matches!(k, FloatLt | FloatLe | FloatEq | FloatGt | FloatGe);
        let mut t = Trace::new();
        let r0 = load(&mut t, 0);
        let r1 = load(&mut t, 1);
        let (a, b) = if is_float {
            (push(&mut t, UnboxFloat, &[r0]), push(&mut t, UnboxFloat, &[r1]))
        } else {
            (push(&mut t, UnboxInt, &[r0]), push(&mut t, UnboxInt, &[r1]))
        };
        let c = push(&mut t, k, &[a, b]);
        guard(&mut t, GuardTrue, &[c], 1);
        let ct = compile(&mut j, &t).expect("compile");
        let mut buf = [0u64; 1];
        for (x, y) in [(1i64, 2i64), (2, 1), (2, 2), (-5, 3), (3, -5)] {
            let (want, slots) = if is_float {
                let (x, y) = (x as f64, y as f64);
                let w = match k {
                    FloatLt => x < y,
                    FloatLe => x <= y,
                    FloatEq => x == y,
                    FloatGt => x > y,
                    _ => x >= y,
                };
                (w, [float(x), float(y)])
            } else {
                let w = match k {
                    IntLt => x < y,
                    IntLe => x <= y,
                    IntEq => x == y,
                    IntNe => x != y,
                    IntGt => x > y,
                    _ => x >= y,
                };
                (w, [int(x), int(y)])
            };
            let mut slots = slots;
            let r = ct.run(&mut slots, &mut buf);
            assert_eq!(r, if want { FINISHED } else { 1 }, "{k:?} {x} {y}");
        }
        if is_float {
            // NaN compares false with everything.
            let mut slots = [float(f64::NAN), float(1.0)];
            assert_eq!(ct.run(&mut slots, &mut buf), 1, "{k:?} NaN");
        }
    }
}

#[test]
fn many_traces_and_drop_order() {
    let mut j = jit();
    let mut kept = Vec::new();
    for step in 1..=100i64 {
        let ct = compile(&mut j, &sum_loop(step)).expect("compile");
        let mut slots = [int(0), int(1000)];
        let mut buf = [0u64; 3];
        assert_eq!(ct.run(&mut slots, &mut buf), 1);
        let want = (1000 + step - 1) / step * step;
        assert_eq!(buf[1] as i64, want);
        if step % 10 == 0 {
            kept.push((step, ct));
        }
    }
    assert_eq!(j.compiled_count(), 100);
    // Code stays valid after the JitModule is dropped.
    drop(j);
    for (step, ct) in &kept {
        let mut slots = [int(0), int(10)];
        let mut buf = [0u64; 3];
        assert_eq!(ct.run(&mut slots, &mut buf), 1);
        assert_eq!(buf[1] as i64, (10 + step - 1) / step * step);
    }
    // Many modules created and dropped (code freed each time).
    for _ in 0..20 {
        let mut j = JitModule::with_options(JitOptions { opt_level: OptLevel::None, verifier: false, keep_clif: false, interrupt_flag: 0 })
            .expect("jit");
        for step in 1..=5 {
            let ct = compile(&mut j, &sum_loop(step)).expect("compile");
            let mut buf = [0u64; 3];
            assert_eq!(ct.run(&mut [int(0), int(7)], &mut buf), 1);
        }
    }
}

#[test]
fn malformed_traces_are_errors() {
    let mut j = jit();
    let bad: Vec<(&str, Trace)> = vec![
        ("guard without exit", {
            let mut t = Trace::new();
            let r = load(&mut t, 0);
            push(&mut t, K::GuardInt, &[r]);
            t
        }),
        ("forward operand", {
            let mut t = Trace::new();
            t.push(K::UnboxInt, vec![OpRef(1)], 0, None);
            load(&mut t, 0);
            t
        }),
        ("type mismatch", {
            let mut t = Trace::new();
            let r = load(&mut t, 0);
            push(&mut t, K::IntAdd, &[r, r]);
            t
        }),
        ("jump without label", {
            let mut t = Trace::new();
            push(&mut t, K::Jump, &[]);
            t
        }),
        ("jump arity", {
            let mut t = Trace::new();
            let c = const_int(&mut t, 1);
            push(&mut t, K::Label, &[]);
            push(&mut t, K::PhiInt, &[c]);
            push(&mut t, K::Jump, &[]);
            t
        }),
        ("phi before label", {
            let mut t = Trace::new();
            let c = const_int(&mut t, 1);
            push(&mut t, K::PhiInt, &[c]);
            t
        }),
        ("op after jump", {
            let mut t = Trace::new();
            push(&mut t, K::Label, &[]);
            push(&mut t, K::Jump, &[]);
            const_int(&mut t, 1);
            t
        }),
        ("void operand", {
            let mut t = Trace::new();
            let l = push(&mut t, K::Label, &[]);
            push(&mut t, K::BoxInt, &[l]);
            t
        }),
        ("reserved exit", {
            let mut t = Trace::new();
            let r = load(&mut t, 0);
            guard(&mut t, K::GuardInt, &[r], u32::MAX);
            t
        }),
    ];
    for (what, t) in bad {
        let e = compile(&mut j, &t);
        assert!(e.is_err(), "{what}: compiled");
    }
    // The module still works afterwards.
    let ct = compile(&mut j, &sum_loop(2)).expect("compile after errors");
    let mut buf = [0u64; 3];
    assert_eq!(ct.run(&mut [int(0), int(9)], &mut buf), 1);
    assert_eq!(buf[1] as i64, 10);
}

#[test]
fn opt_levels_agree() {
    for opt_level in [OptLevel::None, OptLevel::Speed, OptLevel::SpeedAndSize] {
        let mut j = JitModule::with_options(JitOptions { opt_level, verifier: true, keep_clif: false, interrupt_flag: 0 }).expect("jit");
        let ct = compile(&mut j, &sum_loop(7)).expect("compile");
        let mut buf = [0u64; 3];
        assert_eq!(ct.run(&mut [int(-3), int(1000)], &mut buf), 1);
        assert_eq!(buf[1] as i64, 1005); // -3 + 7 * 144
    }
}

/// `int_floordiv_ovf` and `int_mod` follow Python's floor semantics on every sign
/// combination over the whole 64-bit range, a zero divisor does not trap, and
/// `-2**63 // -1` exits (exit 1); a result too big to box inline exits through
/// `guard_small_int` (exit 3).
#[test]
fn floordiv_and_mod_match_python() {
    let build = |kind: K| {
        let mut t = Trace::new();
        let (a, b) = (load(&mut t, 0), load(&mut t, 1));
        guard(&mut t, K::GuardInt, &[a], 0);
        guard(&mut t, K::GuardInt, &[b], 0);
        let (x, y) = (push(&mut t, K::UnboxInt, &[a]), push(&mut t, K::UnboxInt, &[b]));
        let q = if kind == K::IntMod { push(&mut t, kind, &[x, y]) } else { guard(&mut t, kind, &[x, y], 1) };
        guard(&mut t, K::GuardSmallInt, &[q], 3);
        let r = push(&mut t, K::BoxInt, &[q]);
        t.push(K::StoreSlot, vec![r], 2, None);
        t
    };
    let mut j = jit();
    let div = compile(&mut j, &build(K::IntFloorDivOvf)).expect("compile floordiv");
    let rem = compile(&mut j, &build(K::IntMod)).expect("compile mod");
    let mut keep = Vec::new();
    let vals = [-7i64, -3, -1, 1, 2, 3, 7, 100, -(1 << 47), (1 << 47) - 1, 1 << 47, i64::MIN, i64::MAX, i64::MIN + 1];
    let expect = |r: i128, e: u32, what: &str| {
        let want = if i64::try_from(r).is_err() {
            1
        } else if Value::small_int(r as i64).is_none() {
            3
        } else {
            FINISHED
        };
        assert_eq!(e, want, "{what}");
    };
    for &x in &vals {
        for &y in &vals {
            let (xw, yw) = (x as i128, y as i128);
            let py_div = xw.div_euclid(yw) - if xw.rem_euclid(yw) != 0 && yw < 0 { 1 } else { 0 };
            let py_mod = xw - py_div * yw;
            let mut slots = [big(&mut keep, x), big(&mut keep, y), 0];
            let mut eb = [0u64; 1];
            let e = div.run(&mut slots, &mut eb);
            expect(py_div, e, &format!("{x} // {y}"));
            if e == FINISHED {
                assert_eq!(as_int(slots[2]) as i128, py_div, "{x} // {y}");
            }
            let mut slots = [big(&mut keep, x), big(&mut keep, y), 0];
            let e = rem.run(&mut slots, &mut eb);
            expect(py_mod, e, &format!("{x} % {y}"));
            if e == FINISHED {
                assert_eq!(as_int(slots[2]) as i128, py_mod, "{x} % {y}");
            }
        }
    }
    // A zero divisor reaching the op (guards removed) must not trap.
    let mut slots = [int(5), int(0), 0];
    let mut eb = [0u64; 1];
    assert_eq!(rem.run(&mut slots, &mut eb), FINISHED);
}

/// A list of floats, read and written through `list_data`/`load_elem`/`store_elem` with a
/// bounds check, and a bridge-style `exit` whose snapshot holds an int, a float, a bool and
/// the list itself.
#[test]
fn list_elements_and_exit_snapshot() {
    let list = rpy_interpreter::vm::new_list(vec![Value::float(1.5), Value::float(-2.0), Value::float(4.0)]);
    let mut t = Trace::new();
    let l = load(&mut t, 0);
    guard(&mut t, K::GuardList, &[l], 0);
    let r1 = load(&mut t, 1);
    guard(&mut t, K::GuardInt, &[r1], 0);
    let i = push(&mut t, K::UnboxInt, &[r1]);
    let len = push(&mut t, K::ListLen, &[l]);
    let data = push(&mut t, K::ListData, &[l]);
    let ok = push(&mut t, K::IntUlt, &[i, len]);
    guard(&mut t, K::GuardTrue, &[ok], 1);
    let e = push(&mut t, K::LoadElem, &[data, i]);
    guard(&mut t, K::GuardFloat, &[e], 2);
    guard(&mut t, K::GuardNotObj, &[e], 3);
    let x = push(&mut t, K::UnboxFloat, &[e]);
    let y = push(&mut t, K::FloatAdd, &[x, x]);
    let by = push(&mut t, K::BoxFloat, &[y]);
    push(&mut t, K::StoreElem, &[data, i, by]);
    let z = const_int(&mut t, 0);
    let b = push(&mut t, K::IntLt, &[i, z]);
    t.push_guard(K::Exit, vec![], 0, 4, vec![i, y, b, l]);
    let ct = jit().compile(&t).expect("compile");
    assert_eq!(ct.exit_info(4).expect("exit 4").snapshot.iter().map(|s| s.1).collect::<Vec<_>>(), vec![Ty::I64, Ty::F64, Ty::Bool, Ty::Ref]);
    let mut buf = [0u64; 5];
    let mut slots = [list.bits(), int(1)];
    assert_eq!(ct.run(&mut slots, &mut buf), 4);
    assert_eq!((buf[1] as i64, f64::from_bits(buf[2]), buf[3], buf[4]), (1, -4.0, 0, list.bits()));
    // Out of range (and negative: unsigned compare) leave through the bounds guard.
    for k in [3, -1] {
        let mut slots = [list.bits(), int(k)];
        assert_eq!(ct.run(&mut slots, &mut buf), 1);
    }
    // Not a list: the entry guard.
    let mut slots = [float(1.0), int(0)];
    assert_eq!(ct.run(&mut slots, &mut buf), 0);
    let mut slots = [list.bits(), int(2)];
    assert_eq!(ct.run(&mut slots, &mut buf), 4);
    let rpy_interpreter::object::ObjKind::List(cell) = &list.as_obj().expect("list").kind else { panic!("not a list") };
    let items: Vec<f64> = cell.borrow().iter().map(|v| v.as_float_unchecked()).collect();
    assert_eq!(items, vec![1.5, -4.0, 8.0]);
}

/// `guard_list_kinds` (forbidden and required kinds, a stale summary rescanned) and the loads
/// it makes safe: `unbox_float` of a `load_elem` with no type guard, and an int store.
#[test]
fn list_kinds_guard_and_unguarded_loads() {
    use rpy_interpreter::list::ElemKinds;
    let list = rpy_interpreter::vm::new_list(vec![Value::float(1.5), Value::float(-2.0), Value::float(4.0)]);
    let ints = rpy_interpreter::vm::new_list(vec![Value::small_int(7).expect("small"), Value::small_int(-9).expect("small")]);
    let only = |k: u8| (ElemKinds::ALL & !k) as u64;
    let mut t = Trace::new();
    let l = load(&mut t, 0);
    guard(&mut t, K::GuardList, &[l], 0);
    let m = load(&mut t, 1);
    guard(&mut t, K::GuardList, &[m], 0);
    t.push_guard(K::GuardListKinds, vec![l], only(ElemKinds::FLOAT), 1, vec![]);
    t.push_guard(K::GuardListKinds, vec![m], only(ElemKinds::INT) | (ElemKinds::INT as u64) << 8, 2, vec![]);
    let data = push(&mut t, K::ListData, &[l]);
    let mdata = push(&mut t, K::ListData, &[m]);
    let one = const_int(&mut t, 1);
    let e = push(&mut t, K::LoadElem, &[data, one]);
    let x = push(&mut t, K::UnboxFloat, &[e]);
    let y = push(&mut t, K::FloatNeg, &[x]);
    let by = push(&mut t, K::BoxFloat, &[y]);
    let zero = const_int(&mut t, 0);
    push(&mut t, K::StoreElem, &[data, zero, by]);
    let n = push(&mut t, K::LoadElem, &[mdata, one]);
    let k = push(&mut t, K::UnboxSmallInt, &[n]);
    let k2 = push(&mut t, K::IntAdd, &[k, k]);
    let bk = push(&mut t, K::BoxInt, &[k2]);
    push(&mut t, K::StoreElem, &[mdata, zero, bk]);
    t.push_guard(K::Exit, vec![], 0, 3, vec![y, k2]);
    let ct = jit().compile(&t).expect("compile");
    let mut buf = [0u64; 3];
    let mut slots = [list.bits(), ints.bits()];
    assert_eq!(ct.run(&mut slots, &mut buf), 3);
    assert_eq!((f64::from_bits(buf[1]), buf[2] as i64), (2.0, -18));
    let cells = |v: &Value| match &v.as_obj().expect("list").kind {
        rpy_interpreter::object::ObjKind::List(cell) => cell.borrow().iter().map(|x| x.bits()).collect::<Vec<_>>(),
        _ => panic!("not a list"),
    };
    assert_eq!(cells(&list)[0], Value::float(2.0).bits());
    assert_eq!(cells(&ints)[0], Value::small_int(-18).expect("small").bits());
    // Each list in the other's place: both kinds guards fail, the first one first.
    let mut slots = [ints.bits(), list.bits()];
    assert_eq!(ct.run(&mut slots, &mut buf), 1);
    let set = |v: &Value, i: usize, x: Value| match &v.as_obj().expect("list").kind {
        rpy_interpreter::object::ObjKind::List(cell) => drop(cell.borrow_mut().set(i, x)),
        _ => panic!("not a list"),
    };
    // A None in the float list: the summary has OTHER.
    set(&list, 2, Value::NONE);
    let mut slots = [list.bits(), ints.bits()];
    assert_eq!(ct.run(&mut slots, &mut buf), 1);
    // Gone again: the summary still has it (a superset) until something rescans it.
    set(&list, 2, Value::float(0.5));
    assert_eq!(ct.run(&mut slots, &mut buf), 1);
    if let rpy_interpreter::object::ObjKind::List(cell) = &list.as_obj().expect("list").kind {
        cell.borrow_mut().reverse();
        assert_eq!(cell.borrow().kinds(), ElemKinds::ALL, "untyped access: stale");
    }
    assert_eq!(ct.run(&mut slots, &mut buf), 3, "a stale summary is rescanned");
    // Without `KINDS_ADD`, a guard before a store of an int requires INT in the summary.
    let empty = rpy_interpreter::vm::new_list(vec![]);
    let mut slots = [list.bits(), empty.bits()];
    assert_eq!(ct.run(&mut slots, &mut buf), 2);
    // With it, the guard adds INT to the summary of a list without ints (it stays a
    // superset of the kinds present), and still rejects a forbidden kind.
    let mut t = Trace::new();
    let l = load(&mut t, 0);
    guard(&mut t, K::GuardList, &[l], 0);
    let imm = ElemKinds::OTHER as u64 | (ElemKinds::INT as u64) << 8 | rpy_tracer::runtime::KINDS_ADD;
    t.push_guard(K::GuardListKinds, vec![l], imm, 1, vec![]);
    t.push_guard(K::Exit, vec![], 0, 2, vec![]);
    let ct = jit().compile(&t).expect("compile");
    let kinds = |v: &Value| match &v.as_obj().expect("list").kind {
        rpy_interpreter::object::ObjKind::List(cell) => cell.borrow().kinds(),
        _ => panic!("not a list"),
    };
    let floats = rpy_interpreter::vm::new_list(vec![Value::float(1.0)]);
    assert_eq!(ct.run(&mut [floats.bits()], &mut buf), 2);
    assert_eq!(kinds(&floats), ElemKinds::FLOAT | ElemKinds::INT);
    let empty = rpy_interpreter::vm::new_list(vec![]);
    assert_eq!(ct.run(&mut [empty.bits()], &mut buf), 2);
    assert_eq!(kinds(&empty), ElemKinds::INT);
    let nones = rpy_interpreter::vm::new_list(vec![Value::NONE]);
    assert_eq!(ct.run(&mut [nones.bits()], &mut buf), 1);
    assert_eq!(kinds(&nones), ElemKinds::OTHER, "a failing guard adds nothing");
}
