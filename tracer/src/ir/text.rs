//! Trace IR text format: `print` and `parse` (round-tripping), plus `verify`, the structural
//! checker the parser uses and the optimizer tests run on pass output.
//!
//! One op per line; `#` starts a comment; blank lines are ignored.
//!
//! ```text
//! r0 = load_slot(0)              # immediate: slot number (`Op::imm`)
//! guard_int(r0) exit=0           # guards carry `exit=<n>` (`Op::exit`)
//! i2 = unbox_int(r0)
//! i3 = const_int(100)            # const_float(2.5), const_float(-inf), const_float(-nan)
//! label()
//! i5 = phi_int(i2)               # phis follow the label; operand = value on loop entry
//! b6 = int_lt(i5, i3)
//! guard_true(b6) exit=1 [i5]      # snapshot: values the exit hands back, in order
//! i8 = const_int(1)
//! i9 = int_add_ovf(i5, i8) exit=2 [i5]
//! jump(i9)                       # next values of the phis, in order
//! ```
//!
//! A value's name is its type's prefix (`Ty::prefix`: `i` I64, `f` F64, `b` Bool, `r` Ref)
//! followed by any number; the parser maps names to `OpRef`s, the printer names each value
//! after its op index. Structural rules (checked by `verify`): operand counts and types follow
//! `operand_types`; operands are defined before use and are not void; guards have an exit and
//! other ops do not; only guards have snapshots, of values defined before them; ops without
//! an immediate have `imm == 0`; at most one `label`, the phis directly after it with operands
//! from before it; `jump` only after the label, as the last op, with arguments matching the
//! phis' types in order; `exit` and `return` only as the last op.

use super::ops::{Op, OpKind, Ty};
use super::trace::{OpRef, Trace};
use std::collections::HashMap;
use std::fmt::Write as _;

/// The immediate an op carries in `Op::imm`, written as its first text argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Imm {
    /// No immediate; `imm` must be 0.
    None,
    /// An `i64` (two's complement bits).
    Int,
    /// An `f64` (its bits).
    Float,
    /// An interpreter slot number.
    Slot,
}

/// The immediate of `kind`.
pub fn imm_kind(kind: OpKind) -> Imm {
    match kind {
        OpKind::ConstInt | OpKind::ConstRef | OpKind::CallFloat1 | OpKind::CallFloat2 | OpKind::GuardBits | OpKind::GuardType | OpKind::GuardListKinds | OpKind::GuardIntRange | OpKind::CallPy | OpKind::CallLoop | OpKind::GuardTypeVersion | OpKind::InstGetAttr | OpKind::InstSetAttr | OpKind::InstInit | OpKind::BigArith | OpKind::BigArithInt | OpKind::StrFormat | OpKind::SlotGet | OpKind::SlotSet => Imm::Int,
        OpKind::ConstFloat => Imm::Float,
        OpKind::LoadSlot | OpKind::StoreSlot | OpKind::LoadExitSlot | OpKind::LoadExitInt | OpKind::LoadLoopExitInt | OpKind::LoadLoopExitRef | OpKind::Side => Imm::Slot,
        _ => Imm::None,
    }
}

/// Expected operand types of `kind`, in order; `None` for `jump`, whose operands must match
/// the phis' types, and for `call_py`, `str_format` and `call_loop`, whose operands are all refs
/// (`call_py`, `str_format`: at least one).
pub fn operand_types(kind: OpKind) -> Option<&'static [Ty]> {
    use OpKind::*;
    use Ty::*;
    const NONE: &[Ty] = &[];
    const I: &[Ty] = &[I64];
    const F: &[Ty] = &[F64];
    const B: &[Ty] = &[Bool];
    const R: &[Ty] = &[Ref];
    const II: &[Ty] = &[I64, I64];
    const FF: &[Ty] = &[F64, F64];
    Some(match kind {
        Label | ConstInt | ConstFloat | LoadSlot | GuardNoInterrupt | Exit | Side | ConstRef | LoadExitSlot | LoadExitInt => NONE,
        Jump | CallPy | CallLoop | StrFormat => return None,
        IncRef | Return | DecRef => R,
        LoadLoopExitInt | LoadLoopExitRef => I,
        BoxBool => B,
        PhiInt => I,
        PhiFloat => F,
        PhiRef => R,
        StoreSlot | GuardInt | GuardFloat | UnboxInt | UnboxSmallInt | UnboxFloat => R,
        GuardList | ListData | ListLen | GuardNotObj | GuardBits | GuardListKinds => R,
        GuardType | TupleData | TupleLen | GuardTypeVersion => R,
        InstGetAttr | SlotSet | SetHas | SetAdd => &[Ref, Ref],
        SlotGet => R,
        InstSetAttr => &[Ref, Ref, Ref],
        NewInst | InstInit => &[Ref, Ref],
        DictNext => &[Ref, I64, I64],
        DictLen | StrLen | StrToInt => R,
        DictKey | DictValue | DictGetInt | DictHasInt => &[Ref, I64],
        DictGetStr | DictHasStr | StrEq | StrCmp | StrContains | StrSplit | StrConcat => &[Ref, Ref],
        StrByte | StrCode | StrRepeat | BigArithInt | BigCmpInt | BigModInt => &[Ref, I64],
        BigArith | BigCmp => &[Ref, Ref],
        CharStr => I,
        DictSetStr => &[Ref, Ref, Ref, Ref, Ref],
        DictSetInt => &[Ref, I64, Ref, Ref, Ref],
        IntUlt => II,
        LoadElem => II,
        StoreElem => &[I64, I64, Ref],
        GuardTrue | GuardFalse | BoolToInt => B,
        BoxInt | BoxIntOwned | GuardSmallInt | GuardIntRange | IntToFloat => I,
        BoxFloat | FloatSqrt | FloatAbs | FloatNeg | CallFloat1 => F,
        CallFloat2 => FF,
        ModuleAttr | ListAppend => &[Ref, Ref],
        IntAddOvf | IntSubOvf | IntMulOvf | IntAdd | IntSub | IntMul | IntFloorDivOvf | IntMod => II,
        IntLt | IntLe | IntEq | IntNe | IntGt | IntGe => II,
        IntAnd | IntOr | IntXor | IntRshift | IntLshiftOvf => II,
        FloatAdd | FloatSub | FloatMul | FloatDiv => FF,
        FloatLt | FloatLe | FloatEq | FloatGt | FloatGe => FF,
        SelectInt => &[Bool, I64, I64],
        SelectFloat => &[Bool, F64, F64],
    })
}

fn ty_name(ty: Ty) -> &'static str {
    match ty {
        Ty::I64 => "I64",
        Ty::F64 => "F64",
        Ty::Bool => "Bool",
        Ty::Ref => "Ref",
        Ty::Void => "Void",
    }
}

const NAN_BITS: u64 = 0x7ff8_0000_0000_0000;
const NEG_NAN_BITS: u64 = 0xfff8_0000_0000_0000;

/// Text of a float immediate: Rust `{:?}` (shortest exact round-trip). NaNs keep their bits:
/// `nan` / `-nan` for the default quiet NaN (the sign is observable through `copysign`, and
/// x86 arithmetic produces `-nan`), `nan:0x<16 hex digits>` for any other payload.
fn float_text(x: f64) -> String {
    match x.to_bits() {
        NAN_BITS => "nan".to_string(),
        NEG_NAN_BITS => "-nan".to_string(),
        bits if x.is_nan() => format!("nan:0x{bits:016x}"),
        _ => format!("{x:?}"),
    }
}

/// The trace as text, values named by op index (`i3` is op 3).
pub fn print(trace: &Trace) -> String {
    let mut out = String::new();
    for (i, op) in trace.ops.iter().enumerate() {
        let ty = op.kind.result();
        if ty != Ty::Void {
            let _ = write!(out, "{}{} = ", ty.prefix(), i);
        }
        out.push_str(op.kind.name());
        out.push('(');
        let mut parts: Vec<String> = Vec::new();
        match imm_kind(op.kind) {
            Imm::None => {}
            Imm::Int => parts.push((op.imm as i64).to_string()),
            Imm::Float => parts.push(float_text(f64::from_bits(op.imm))),
            Imm::Slot => parts.push(op.imm.to_string()),
        }
        for &a in &op.args {
            let aty = trace.ops.get(a.0 as usize).map_or(Ty::Void, |o| o.kind.result());
            parts.push(format!("{}{}", aty.prefix(), a.0));
        }
        out.push_str(&parts.join(", "));
        out.push(')');
        if let Some(e) = op.exit {
            let _ = write!(out, " exit={e}");
        }
        if !op.snap.is_empty() {
            let names: Vec<String> = op.snap.iter().map(|&a| format!("{}{}", trace.ty(a).prefix(), a.0)).collect();
            let _ = write!(out, " [{}]", names.join(", "));
        }
        out.push('\n');
    }
    out
}

/// Incremental checker of the structural rules: feed it ops in order with `step`.
#[derive(Default)]
struct Verifier {
    label: Option<usize>,
    phis: Vec<Ty>,
    in_phis: bool,
    jumped: bool,
}

impl Verifier {
    /// Check op `i` of `trace`, given that ops `0..i` passed.
    fn step(&mut self, trace: &Trace, i: usize) -> Result<(), String> {
        let op = &trace.ops[i];
        let name = op.kind.name();
        if self.jumped {
            return Err(format!("`{name}` after `jump`/`exit` (they must be the last op)"));
        }
        // Operands: defined earlier, not void, and of the expected types.
        let mut arg_tys = Vec::with_capacity(op.args.len());
        for (k, a) in op.args.iter().enumerate() {
            let ai = a.0 as usize;
            if ai >= i {
                return Err(format!("operand {} of `{name}` refers to op {ai}, not defined before use", k + 1));
            }
            let t = trace.ops[ai].kind.result();
            if t == Ty::Void {
                return Err(format!(
                    "operand {} of `{name}` refers to void op {ai} (`{}`)",
                    k + 1,
                    trace.ops[ai].kind.name()
                ));
            }
            arg_tys.push(t);
        }
        for (k, a) in op.snap.iter().enumerate() {
            let ai = a.0 as usize;
            if ai >= i || trace.ops[ai].kind.result() == Ty::Void {
                return Err(format!("snapshot value {} of `{name}` (op {ai}) is not a value defined before it", k + 1));
            }
        }
        if !op.snap.is_empty() && !op.is_guard() {
            return Err(format!("`{name}` is not a guard and cannot have a snapshot"));
        }
        if op.kind == OpKind::Jump && self.label.is_none() {
            return Err("`jump` without a preceding `label`".to_string());
        }
        let refs;
        let expected: &[Ty] = match operand_types(op.kind) {
            Some(t) => t,
            None if matches!(op.kind, OpKind::CallPy | OpKind::StrFormat) => {
                if arg_tys.is_empty() {
                    return Err(format!("`{}` needs a first operand", op.kind.name()));
                }
                refs = vec![Ty::Ref; arg_tys.len()];
                &refs
            }
            None if op.kind == OpKind::CallLoop => {
                refs = vec![Ty::Ref; arg_tys.len()];
                &refs
            }
            None => &self.phis,
        };
        if arg_tys.len() != expected.len() {
            let what = if op.kind == OpKind::Jump { " (one per phi)" } else { "" };
            return Err(format!("`{name}` takes {} operand(s){what}, got {}", expected.len(), arg_tys.len()));
        }
        for (k, (&got, &want)) in arg_tys.iter().zip(expected).enumerate() {
            if got != want {
                return Err(format!(
                    "operand {} of `{name}` must be {}, got {} (`{}{}`)",
                    k + 1,
                    ty_name(want),
                    ty_name(got),
                    got.prefix(),
                    op.args[k].0
                ));
            }
        }
        if op.is_guard() && op.exit.is_none() {
            return Err(format!("guard `{name}` needs `exit=<n>`"));
        }
        if !op.is_guard() && op.exit.is_some() {
            return Err(format!("`{name}` is not a guard and cannot have an exit"));
        }
        if imm_kind(op.kind) == Imm::None && op.imm != 0 {
            return Err(format!("`{name}` has no immediate but imm = {}", op.imm));
        }
        // Loop structure.
        match op.kind {
            OpKind::Label => {
                if self.label.is_some() {
                    return Err("second `label` (at most one per trace)".to_string());
                }
                self.label = Some(i);
                self.in_phis = true;
            }
            k if k.is_phi() => {
                if !self.in_phis {
                    return Err(format!("`{name}` must directly follow `label` or another phi"));
                }
                if let (Some(l), Some(a)) = (self.label, op.args.first()) {
                    if a.0 as usize >= l {
                        return Err(format!("operand of `{name}` must be defined before `label`"));
                    }
                }
                self.phis.push(op.kind.result());
            }
            OpKind::Jump | OpKind::Exit | OpKind::Return => self.jumped = true,
            _ => self.in_phis = false,
        }
        Ok(())
    }
}

/// Check the structural rules (module doc). On failure: the index of the offending op and a
/// message (without position).
pub fn verify_at(trace: &Trace) -> Result<(), (usize, String)> {
    let mut v = Verifier::default();
    (0..trace.ops.len()).try_for_each(|i| v.step(trace, i).map_err(|m| (i, m)))
}

/// `verify_at` with the op index in the message.
pub fn verify(trace: &Trace) -> Result<(), String> {
    verify_at(trace).map_err(|(i, m)| format!("op {i}: {m}"))
}

/// Parse trace text (module doc). Errors name the line (`line 3: ...`).
pub fn parse(text: &str) -> Result<Trace, String> {
    let mut trace = Trace::new();
    let mut names: HashMap<String, OpRef> = HashMap::new();
    let mut verifier = Verifier::default();
    for (ln0, raw) in text.lines().enumerate() {
        let ln = ln0 + 1;
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let (result_name, op) = parse_line(line, &names).map_err(|m| format!("line {ln}: {m}"))?;
        let r = OpRef(trace.ops.len() as u32);
        trace.ops.push(op);
        verifier.step(&trace, r.0 as usize).map_err(|m| format!("line {ln}: {m}"))?;
        if let Some(n) = result_name {
            names.insert(n, r);
        }
    }
    Ok(trace)
}

/// Parse one non-empty, comment-free line into (result name, op).
fn parse_line(line: &str, names: &HashMap<String, OpRef>) -> Result<(Option<String>, Op), String> {
    // Optional `name =`.
    let (result_name, rest) = match line.find('=') {
        Some(eq) if line.find('(').is_none_or(|p| eq < p) => {
            let n = line[..eq].trim();
            check_name_syntax(n)?;
            (Some(n.to_string()), line[eq + 1..].trim_start())
        }
        _ => (None, line),
    };
    let open = rest.find('(').ok_or_else(|| format!("expected `<op>(...)`, got `{rest}`"))?;
    let opname = rest[..open].trim();
    let kind = OpKind::from_name(opname).ok_or_else(|| format!("unknown op `{opname}`"))?;
    let close = rest.find(')').ok_or_else(|| format!("missing `)` after `{opname}(`"))?;
    if close < open {
        return Err(format!("unbalanced parentheses in `{rest}`"));
    }
    let inner = rest[open + 1..close].trim();
    let tail = rest[close + 1..].trim();

    // Result name against result type.
    let ty = kind.result();
    match (&result_name, ty) {
        (Some(n), Ty::Void) => return Err(format!("`{opname}` produces no value; remove `{n} =`")),
        (None, t) if t != Ty::Void => {
            return Err(format!("`{opname}` produces {}; write `{}<n> = {opname}(...)`", ty_name(t), t.prefix()))
        }
        (Some(n), t) => {
            if !n.starts_with(t.prefix()) {
                return Err(format!("`{opname}` produces {}, so its name must start with `{}`, got `{n}`", ty_name(t), t.prefix()));
            }
            if names.contains_key(n) {
                return Err(format!("`{n}` is already defined"));
            }
        }
        (None, _) => {}
    }

    // Arguments: immediate first (if any), then operands by name.
    let mut parts: Vec<&str> = if inner.is_empty() { Vec::new() } else { inner.split(',').map(str::trim).collect() };
    if parts.iter().any(|p| p.is_empty()) {
        return Err(format!("empty argument in `{opname}({inner})`"));
    }
    let imm = match imm_kind(kind) {
        Imm::None => 0,
        ik => {
            if parts.is_empty() {
                return Err(format!("`{opname}` needs an immediate as its first argument"));
            }
            let s = parts.remove(0);
            match ik {
                Imm::Int => s.parse::<i64>().map_err(|_| format!("bad integer immediate `{s}` for `{opname}`"))? as u64,
                Imm::Float => parse_float(s).ok_or_else(|| format!("bad float immediate `{s}` for `{opname}`"))?.to_bits(),
                Imm::Slot => s.parse::<u64>().map_err(|_| format!("bad slot number `{s}` for `{opname}`"))?,
                Imm::None => 0,
            }
        }
    };
    let mut args = Vec::with_capacity(parts.len());
    for p in parts {
        check_name_syntax(p)?;
        let r = names.get(p).ok_or_else(|| format!("undefined value `{p}`"))?;
        args.push(*r);
    }
    if kind.arity() != usize::MAX && args.len() != kind.arity() {
        return Err(format!("`{opname}` takes {} operand(s), got {}", kind.arity(), args.len()));
    }

    // Optional `exit=<n>`, then an optional snapshot `[a, b, ...]`.
    let (tail, snap_text) = match tail.find('[') {
        Some(p) => {
            let inner = tail[p + 1..].strip_suffix(']').ok_or_else(|| format!("snapshot must end with `]`: `{tail}`"))?;
            (tail[..p].trim(), Some(inner.trim()))
        }
        None => (tail, None),
    };
    let exit = if tail.is_empty() {
        None
    } else if let Some(v) = tail.strip_prefix("exit") {
        let v = v.trim_start().strip_prefix('=').ok_or_else(|| format!("expected `exit=<n>`, got `{tail}`"))?.trim();
        Some(v.parse::<u32>().map_err(|_| format!("bad exit number `{v}`"))?)
    } else {
        return Err(format!("unexpected text after `)`: `{tail}`"));
    };
    let mut snap = Vec::new();
    for p in snap_text.filter(|t| !t.is_empty()).map(|t| t.split(',').map(str::trim).collect::<Vec<_>>()).unwrap_or_default() {
        check_name_syntax(p)?;
        snap.push(*names.get(p).ok_or_else(|| format!("undefined value `{p}` in snapshot"))?);
    }
    Ok((result_name, Op { kind, args, imm, exit, snap }))
}

/// A value name: a type prefix letter followed by decimal digits.
fn check_name_syntax(n: &str) -> Result<(), String> {
    let mut cs = n.chars();
    let ok = matches!(cs.next(), Some('i' | 'f' | 'b' | 'r'))
        && !cs.as_str().is_empty()
        && cs.all(|c| c.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(format!("bad value name `{n}` (expected i<n>, f<n>, b<n> or r<n>)"))
    }
}

/// A float immediate: anything Rust parses (`2.5`, `1e300`, `-0.0`, `inf`, `-inf`, `nan`,
/// `-nan`) or `nan:0x<hex bits>` (which must be a NaN).
fn parse_float(s: &str) -> Option<f64> {
    if let Some(hex) = s.strip_prefix("nan:0x") {
        let x = f64::from_bits(u64::from_str_radix(hex, 16).ok()?);
        return x.is_nan().then_some(x);
    }
    s.parse::<f64>().ok()
}
