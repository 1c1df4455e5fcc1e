//! THE trace-op table. Every op is declared once with its operand count, result type and
//! flags; the macro generates `OpKind`, names (used by the text format), arities and flag
//! queries. Passes and code generation match on `OpKind` exhaustively.

/// Value types in traces. `Ref` is a boxed interpreter `Value` (its 64 raw bits).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ty {
    I64,
    F64,
    Bool,
    Ref,
    Void,
}

impl Ty {
    /// The one-letter prefix of op names of this type in trace text (`i3`, `f2`, `b1`, `r0`).
    pub fn prefix(self) -> char {
        match self {
            Ty::I64 => 'i',
            Ty::F64 => 'f',
            Ty::Bool => 'b',
            Ty::Ref => 'r',
            Ty::Void => 'v',
        }
    }
}

/// Op flags.
pub const PURE: u8 = 1;
/// A guard: leaves the trace through its exit when the condition fails.
pub const GUARD: u8 = 2;
/// Has an effect that must be kept (stores, jumps).
pub const EFFECT: u8 = 4;

macro_rules! trace_ops {
    ($( $(#[doc = $doc:literal])* $name:ident / $text:literal / $arity:literal / $ty:ident / $flags:expr; )*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum OpKind { $( $(#[doc = $doc])* $name, )* }

        impl OpKind {
            pub const ALL: &'static [OpKind] = &[ $( OpKind::$name, )* ];
            /// Name in trace text.
            pub fn name(self) -> &'static str {
                match self { $( OpKind::$name => $text, )* }
            }
            /// Number of operands; `usize::MAX` for variadic (`jump`, `label`).
            pub fn arity(self) -> usize {
                match self { $( OpKind::$name => $arity, )* }
            }
            pub fn result(self) -> Ty {
                match self { $( OpKind::$name => Ty::$ty, )* }
            }
            pub fn flags(self) -> u8 {
                match self { $( OpKind::$name => $flags, )* }
            }
            pub fn from_name(s: &str) -> Option<OpKind> {
                match s { $( $text => Some(OpKind::$name), )* _ => None }
            }
        }
    };
}

const VARIADIC: usize = usize::MAX;

impl OpKind {
    /// A loop-carried value (`phi_int`, `phi_float`, `phi_ref`).
    pub fn is_phi(self) -> bool {
        matches!(self, OpKind::PhiInt | OpKind::PhiFloat | OpKind::PhiRef)
    }

    /// The overflow-checked int op (`int_add_ovf`, `int_sub_ovf`, `int_mul_ovf`) as the same
    /// op without the check, for a result known to fit 64 bits.
    pub fn unchecked(self) -> Option<OpKind> {
        match self {
            OpKind::IntAddOvf => Some(OpKind::IntAdd),
            OpKind::IntSubOvf => Some(OpKind::IntSub),
            OpKind::IntMulOvf => Some(OpKind::IntMul),
            _ => None,
        }
    }

    /// May write into a dict (an instance's `__dict__` among them): attribute and dict reads
    /// before it may not be reused after it.
    pub fn writes_dicts(self) -> bool {
        matches!(self, OpKind::InstSetAttr | OpKind::DictSetStr | OpKind::DictSetInt | OpKind::CallPy | OpKind::CallLoop)
    }
}

trace_ops! {
    /// Start of the loop body; the `phi_*` ops that follow it are the loop-carried values.
    Label / "label" / 0 / Void / EFFECT;
    /// Loop-carried int: its operand is the value on loop entry; the k-th operand of `jump`
    /// (k = position among the phis) is its value on the next iteration.
    PhiInt / "phi_int" / 1 / I64 / EFFECT;
    PhiFloat / "phi_float" / 1 / F64 / EFFECT;
    PhiRef / "phi_ref" / 1 / Ref / EFFECT;
    /// Back to the label; operands are the next values of the phis, in order.
    Jump / "jump" / 18446744073709551615 / Void / EFFECT;
    /// An integer constant (payload in `Op::imm`).
    ConstInt / "const_int" / 0 / I64 / PURE;
    /// A float constant (bits in `Op::imm`).
    ConstFloat / "const_float" / 0 / F64 / PURE;
    /// Entry value of interpreter slot `imm` (boxed).
    LoadSlot / "load_slot" / 0 / Ref / EFFECT;
    /// Write a boxed value back to interpreter slot `imm`.
    StoreSlot / "store_slot" / 1 / Void / EFFECT;
    /// Guard: the boxed value is an int that fits 64 bits (inline, or a heap int in range).
    GuardInt / "guard_int" / 1 / Void / GUARD;
    /// Guard: the boxed value is a float.
    GuardFloat / "guard_float" / 1 / Void / GUARD;
    /// Guard: condition is true.
    GuardTrue / "guard_true" / 1 / Void / GUARD;
    /// Guard: condition is false.
    GuardFalse / "guard_false" / 1 / Void / GUARD;
    /// Unbox an int that fits 64 bits (after `guard_int`).
    UnboxInt / "unbox_int" / 1 / I64 / PURE;
    /// Unbox a value known to be an inline int (an item of a list whose kinds summary says
    /// so, see `guard_list_kinds`).
    UnboxSmallInt / "unbox_small_int" / 1 / I64 / PURE;
    /// Unbox a float (after `guard_float`).
    UnboxFloat / "unbox_float" / 1 / F64 / PURE;
    /// Box an int that is known to fit the inline range (after `guard_small_int`).
    BoxInt / "box_int" / 1 / Ref / PURE;
    /// Guard: the int fits the inline range (`-2**47 <= x < 2**47`), so `box_int` allocates
    /// nothing. Where it does not, the exit hands the int back and the interpreter boxes it.
    GuardSmallInt / "guard_small_int" / 1 / Void / GUARD;
    /// Guard: `-2**imm <= x <= 2**imm` (a loop trace's speculation on an int input, from the
    /// value it had when recorded, that lets `opt/ranges.rs` drop overflow checks; kept
    /// only where it drops one).
    GuardIntRange / "guard_int_range" / 1 / Void / GUARD;
    /// Box a float.
    BoxFloat / "box_float" / 1 / Ref / PURE;
    /// Integer add; exits (guarded) when the result overflows 64 bits (the interpreter then
    /// computes the big int).
    IntAddOvf / "int_add_ovf" / 2 / I64 / GUARD;
    IntSubOvf / "int_sub_ovf" / 2 / I64 / GUARD;
    IntMulOvf / "int_mul_ovf" / 2 / I64 / GUARD;
    /// Python floor division and modulo of ints; the divisor is guarded non-zero beforehand.
    /// The quotient exits when it overflows (`-2**63 // -1`).
    IntFloorDivOvf / "int_floordiv_ovf" / 2 / I64 / GUARD;
    IntMod / "int_mod" / 2 / I64 / PURE;
    /// Integer add known not to overflow (after range analysis).
    IntAdd / "int_add" / 2 / I64 / PURE;
    IntSub / "int_sub" / 2 / I64 / PURE;
    /// Integer multiply known not to overflow (after range analysis).
    IntMul / "int_mul" / 2 / I64 / PURE;
    /// Bitwise `&`, `|`, `^` of ints.
    IntAnd / "int_and" / 2 / I64 / PURE;
    IntOr / "int_or" / 2 / I64 / PURE;
    IntXor / "int_xor" / 2 / I64 / PURE;
    /// `x >> y` (arithmetic) for `y >= 0`, guarded beforehand; counts past 63 give 0 or -1.
    IntRshift / "int_rshift" / 2 / I64 / PURE;
    /// `x << y` for `y >= 0` (guarded beforehand); exits when the result leaves 64 bits.
    IntLshiftOvf / "int_lshift_ovf" / 2 / I64 / GUARD;
    IntLt / "int_lt" / 2 / Bool / PURE;
    IntLe / "int_le" / 2 / Bool / PURE;
    IntEq / "int_eq" / 2 / Bool / PURE;
    IntNe / "int_ne" / 2 / Bool / PURE;
    IntGt / "int_gt" / 2 / Bool / PURE;
    IntGe / "int_ge" / 2 / Bool / PURE;
    FloatAdd / "float_add" / 2 / F64 / PURE;
    FloatSub / "float_sub" / 2 / F64 / PURE;
    FloatMul / "float_mul" / 2 / F64 / PURE;
    /// Float division (the divisor is guarded non-zero beforehand).
    FloatDiv / "float_div" / 2 / F64 / PURE;
    FloatLt / "float_lt" / 2 / Bool / PURE;
    FloatLe / "float_le" / 2 / Bool / PURE;
    FloatEq / "float_eq" / 2 / Bool / PURE;
    FloatGt / "float_gt" / 2 / Bool / PURE;
    FloatGe / "float_ge" / 2 / Bool / PURE;
    /// int -> float conversion.
    IntToFloat / "int_to_float" / 1 / F64 / PURE;
    /// bool -> int (0 or 1): a bool in arithmetic.
    BoolToInt / "bool_to_int" / 1 / I64 / PURE;
    /// Guard: no SIGINT is pending. Polls the interpreter's interrupt flag (its address is a
    /// code-generation option) once per iteration, so a running loop stays interruptible.
    GuardNoInterrupt / "guard_no_interrupt" / 0 / Void / GUARD;
    /// Leave the trace through its exit unconditionally (the end of a bridge). Last op.
    Exit / "exit" / 0 / Void / GUARD;
    /// The start of a side region (after the loop's `jump`, only in code generation's input,
    /// `link.rs`): where the guard at op index `imm` goes when it fails, instead of its exit.
    /// The region is a bridge's ops and ends with a `jump` back to the loop.
    Side / "side" / 0 / Void / EFFECT;
    /// Unsigned `<` (a bounds check `0 <= i < n` in one compare when `n >= 0`).
    IntUlt / "int_ult" / 2 / Bool / PURE;
    /// Guard: the boxed value is a `list` that nothing holds mutably borrowed.
    GuardList / "guard_list" / 1 / Void / GUARD;
    /// Address of a list's element array / its length. Pure: no trace op resizes a list
    /// (the recorder aborts on anything that could), so both are loop-invariant for an
    /// invariant list.
    ListData / "list_data" / 1 / I64 / PURE;
    ListLen / "list_len" / 1 / I64 / PURE;
    /// Element `i` of the array at `data` (boxed bits, borrowed). Reads memory that stores
    /// may change: neither pure nor movable.
    LoadElem / "load_elem" / 2 / Ref / 0;
    /// Store boxed `v` as element `i` of the array at `data`; the element it replaces must
    /// own nothing (see `guard_not_obj`) and `v` must own nothing either.
    StoreElem / "store_elem" / 3 / Void / EFFECT;
    /// Guard: the boxed value is exactly the value with bits `imm` (an identity check for a
    /// module or builtin function the trace relies on, or an immediate such as a bool).
    GuardBits / "guard_bits" / 1 / Void / GUARD;
    /// A known object or immediate (bits in `imm`), borrowed: the compiled trace keeps the
    /// object alive.
    ConstRef / "const_ref" / 0 / Ref / PURE;
    /// `math.sqrt` (the argument is guarded non-negative or NaN beforehand) and `abs`.
    FloatSqrt / "float_sqrt" / 1 / F64 / PURE;
    FloatAbs / "float_abs" / 1 / F64 / PURE;
    /// `-x`: flips the sign bit (of a NaN too, as CPython's negation does).
    FloatNeg / "float_neg" / 1 / F64 / PURE;
    /// Calls a builtin's float kernel (`fn(f64[, f64]) -> MathResult<f64>` at address `imm`):
    /// the boxed float result, or `None`'s bits where the builtin raises (so a `guard_float`
    /// after it leaves the trace and the interpreter raises).
    CallFloat1 / "call_float1" / 1 / Ref / PURE;
    CallFloat2 / "call_float2" / 2 / Ref / PURE;
    /// Attribute `name` (a `str` ref) of a module, from its dict (borrowed bits; NULL's bits
    /// when absent). Pure: traces never write a dict while they run (globals they write are
    /// written back at exits).
    ModuleAttr / "module_attr" / 2 / Ref / PURE;
    /// Append boxed `v` (borrowed: the list takes a reference) to a list; a guard that the append happened
    /// (it exits, having done nothing, when the list is borrowed). It resizes the list:
    /// `licm` and `cse` do not move or merge `list_data`/`list_len` in a trace that appends.
    ListAppend / "list_append" / 2 / Void / GUARD | EFFECT;
    /// Guard: the boxed value is not a heap object (a float, inline int or immediate).
    GuardNotObj / "guard_not_obj" / 1 / Void / GUARD;
    /// Guard on a list's kinds summary (`rpy_interpreter::list::ListData::kinds`, rescanned
    /// when stale): it has no bit of `imm & 0xFF`. With every kind but one forbidden, the
    /// list's items are all of that kind (its loads need no type guard). `(imm >> 8) & 0xFF`
    /// is the kind of an item the trace stores next: the summary must have it already, or,
    /// with `KINDS_ADD` set, it is added (a superset of the kinds present stays true). So
    /// `list_append` and adding kinds guards add kinds inside a trace (`opt::licm`,
    /// `opt::guards`).
    GuardListKinds / "guard_list_kinds" / 1 / Void / GUARD;
    /// Guard: the boxed value is an object of the exact built-in type `imm` (a
    /// `runtime::ObjType`: tuple, str, dict).
    GuardType / "guard_type" / 1 / Void / GUARD;
    /// Address of a tuple's element array / its length. Pure and movable: tuples never change.
    TupleData / "tuple_data" / 1 / I64 / PURE;
    TupleLen / "tuple_len" / 1 / I64 / PURE;
    /// `dict_next(d, i, n)`: the index of the first live entry at or after entry `i` of dict
    /// `d`, or -1 when there is none or the dict's size is no longer `n` (the interpreter then
    /// ends the loop or raises). Reads the dict: not movable.
    DictNext / "dict_next" / 3 / I64 / 0;
    /// The number of live entries of a dict. Reads the dict: not movable.
    DictLen / "dict_len" / 1 / I64 / 0;
    /// Key / value of live entry `i` of a dict (borrowed bits).
    DictKey / "dict_key" / 2 / Ref / 0;
    DictValue / "dict_value" / 2 / Ref / 0;
    /// `d[key]` for a dict and a `str` key, without running Python code (borrowed bits); NULL's
    /// bits when the key is absent or a comparison would need Python code, so a type guard on
    /// the result leaves the trace and the interpreter looks it up (raising `KeyError`).
    DictGetStr / "dict_get_str" / 2 / Ref / 0;
    /// `d[i]` for a dict and an int key, as `dict_get_str`.
    DictGetInt / "dict_get_int" / 2 / Ref / 0;
    /// Entry value `imm` of a side trace of a function trace: word `1 + imm` of the exit
    /// buffer, where the exit it grew from left its snapshot (a ref, a float's bits or a bool).
    LoadExitSlot / "load_exit_slot" / 0 / Ref / EFFECT;
    /// The same for a value the exit wrote as an int: exits write ints unboxed, as 64 bits.
    LoadExitInt / "load_exit_int" / 0 / I64 / EFFECT;
    /// A bool as the Python `True` or `False` (owns nothing).
    BoxBool / "box_bool" / 1 / Ref / PURE;
    /// A new reference to a boxed value (the result a function trace returns).
    IncRef / "inc_ref" / 1 / Ref / EFFECT;
    /// Calls Python function `f` (operand 0, an identity-guarded constant) with the boxed
    /// arguments that follow (borrowed): through the compiled trace of its code when there is
    /// one (`imm`: the address of its `Code::jit_fn.entry`), else the interpreter. The result
    /// is an owned reference; a guard that the call did not raise (its exit resumes after the
    /// call and raises the exception waiting in `Vm::jit_error`). Any effect may happen
    /// inside: nothing read from memory before it is reused after it.
    CallPy / "call_py" / 18446744073709551615 / Ref / GUARD | EFFECT;
    /// Runs the compiled loop trace at address `imm` (`fn(slots, exitbuf, vm) -> exit`) on
    /// the boxed values that follow (borrowed, one per slot) and gives the exit it left
    /// through; `load_loop_exit_*` read that exit's snapshot. In a function trace the loop
    /// may have no effect on memory, so a guard on the exit number may resume before the
    /// loop; in a loop trace such a guard's exit chains to the loop's (`recorder/nested.rs`).
    CallLoop / "call_loop" / 18446744073709551615 / I64 / EFFECT;
    /// Word `1 + imm` of the exit buffer of the `call_loop` operand: a snapshot value the
    /// loop's exit wrote as an int (unboxed) / as boxed bits (a float or a bool).
    LoadLoopExitInt / "load_loop_exit_int" / 1 / I64 / PURE;
    LoadLoopExitRef / "load_loop_exit_ref" / 1 / Ref / PURE;
    /// The second operand when the first is true, else the third.
    SelectInt / "select_int" / 3 / I64 / PURE;
    SelectFloat / "select_float" / 3 / F64 / PURE;
    /// An owned boxed int: inline when it fits, else a new heap int (a function trace's
    /// result).
    BoxIntOwned / "box_int_owned" / 1 / Ref / EFFECT;
    /// Guard: class operand 0 (a `const_ref`) still has version `imm`: nothing changed the
    /// class since recording (its methods, its descriptors, its `__getattribute__`). Trace
    /// ops never change a class, so it moves out of loops.
    GuardTypeVersion / "guard_type_version" / 1 / Void / GUARD;
    /// Attribute operand 1 (a `str` const_ref) from the `__dict__` of plain instance
    /// operand 0 (after `guard_type`): borrowed bits, NULL's bits when absent. `imm`: the
    /// dict entry it was in when recorded (tried first). Reads memory `inst_setattr` writes:
    /// neither pure nor movable.
    InstGetAttr / "inst_getattr" / 2 / Ref / 0;
    /// Replaces attribute operand 1 of plain instance operand 0 with boxed operand 2 (the
    /// dict takes a reference); a guard that exits, having done nothing, when the attribute
    /// is absent (the store would add a key). `imm` as for `inst_getattr`.
    InstSetAttr / "inst_setattr" / 3 / Void / GUARD | EFFECT;
    /// Slot `imm` of instance operand 0 of a slotted class (after `guard_type`,
    /// `runtime/slots.rs`): borrowed bits, NULL's bits when unset. Reads memory `slot_set`
    /// writes: neither pure nor movable but where nothing in the loop writes a slot.
    SlotGet / "slot_get" / 1 / Ref / 0;
    /// `key in s` for a set (operand 0) and a boxed `str` or int key: 1 or 0, or -1 when
    /// telling keys apart would run Python code (a guard then leaves the trace). Reads the
    /// set: not movable.
    SetHas / "set_has" / 2 / I64 / 0;
    /// `s.add(key)` for a set and a boxed `str` or int key (the set takes a reference); a
    /// guard that exits, having done nothing, where telling keys apart would run Python code.
    SetAdd / "set_add" / 2 / Void / GUARD | EFFECT;
    /// Sets slot `imm` of instance operand 0 to boxed operand 1 (the instance takes a
    /// reference); a guard that exits, having done nothing, when the slots are in use.
    SlotSet / "slot_set" / 2 / Void / GUARD | EFFECT;
    /// A new plain instance of class operand 0 whose `__dict__` is a copy of operand 1 (a
    /// template dict of its attribute names, in order, with `None` values; both `const_ref`s):
    /// an owned reference. Allocation removal materialises an instance built in the trace
    /// with it where the instance escapes.
    NewInst / "new_inst" / 2 / Ref / EFFECT;
    /// Sets entry `imm` of the `__dict__` of a `new_inst` result (operand 0) to boxed operand 1
    /// (borrowed: the dict takes a reference).
    InstInit / "inst_init" / 2 / Void / EFFECT;
    /// Gives up a reference the trace owns (the value a loop variable held before the
    /// iteration stored a new object there): the object may be freed.
    DecRef / "dec_ref" / 1 / Void / EFFECT;
    /// `a == b` for two strs (`runtime::str_eq`). Strs never change: pure.
    StrEq / "str_eq" / 2 / Bool / PURE;
    /// `a` compared with `b` for two strs by code points: -1, 0 or 1.
    StrCmp / "str_cmp" / 2 / I64 / PURE;
    /// `b in a` for two strs.
    StrContains / "str_contains" / 2 / Bool / PURE;
    /// The byte at byte offset `b` of str `s` when it is an ASCII character (the whole
    /// character), else -1 (past the end, or a longer UTF-8 sequence starts there): one step
    /// of a str iterator, whose state is a byte offset.
    StrByte / "str_byte" / 2 / I64 / PURE;
    /// The code of character `s[i]` for str operand 0 and int operand 1 (negative: from the
    /// end) when it is below U+0100 (`char_str` makes its str), else -1, as for an index out
    /// of range. Strs never change: pure.
    StrCode / "str_code" / 2 / I64 / PURE;
    /// `len(s)` of a str: its number of characters. Strs never change: pure.
    StrLen / "str_len" / 1 / I64 / PURE;
    /// `fmt % args` for str operand 0 and boxed ints, floats and strs after it (borrowed): a
    /// tuple of them when `imm` is 1, else the one value. The result is a new str the trace
    /// owns; a guard that exits, having made nothing, where the formatting raises.
    StrFormat / "str_format" / 18446744073709551615 / Ref / GUARD;
    /// `s.split(sep)` for strs `s` and `sep`: a new list of new strs the trace owns; a guard
    /// that exits, having made nothing, where it raises (an empty separator).
    StrSplit / "str_split" / 2 / Ref / GUARD;
    /// `a + b` of two strs: a new str the trace owns; a guard that exits, having made nothing,
    /// where it cannot be made.
    StrConcat / "str_concat" / 2 / Ref / GUARD;
    /// `s * n` of a str and an int: a new str the trace owns; a guard as for `str_concat`.
    StrRepeat / "str_repeat" / 2 / Ref / GUARD;
    /// `int(s)` of a str: the inline int's bits, or NULL's bits where `int` raises or the int
    /// is past the inline range (a `guard_int` after it leaves the trace there, and the
    /// interpreter computes it). Strs never change: pure.
    StrToInt / "str_to_int" / 1 / Ref / PURE;
    /// The shared one-character str of code `c` (`0 <= c < 256`), borrowed: the
    /// interpreter's table keeps it alive.
    CharStr / "char_str" / 1 / Ref / PURE;
    /// `key in d` for a dict and a `str` key: 1 or 0, or -1 when telling keys apart would run
    /// Python code (a guard then leaves the trace). Reads the dict: not movable.
    DictHasStr / "dict_has_str" / 2 / I64 / 0;
    /// `i in d` for a dict and an int key, as `dict_has_str`.
    DictHasInt / "dict_has_int" / 2 / I64 / 0;
    /// `d[key] = v` for a dict (operand 0) and a `str` key (operand 1), `v` (operand 2)
    /// borrowed (the dict takes a reference); a guard that exits, having done nothing, when
    /// telling keys apart would run Python code or the dict is the trace's globals or
    /// builtins (operands 3 and 4), whose names a trace keeps in registers.
    DictSetStr / "dict_set_str" / 5 / Void / GUARD | EFFECT;
    /// `d[i] = v` for a dict and an int key (operand 1), as `dict_set_str`.
    DictSetInt / "dict_set_int" / 5 / Void / GUARD | EFFECT;
    /// `a op b` for big int `a` (after `guard_type`) and big int `b` / int `b`, `op` and
    /// the operand order in `imm` (`runtime::BIG_ADD`, ..., `BIG_SWAP`): a new big int (an
    /// owned reference). A guard: where the result fits 64 bits it exits, having made
    /// nothing, and the interpreter computes it.
    BigArith / "big_arith" / 2 / Ref / GUARD | EFFECT;
    BigArithInt / "big_arith_int" / 2 / Ref / GUARD | EFFECT;
    /// Big int `a` compared with big int / int `b`: -1, 0 or 1. Ints never change: pure.
    BigCmp / "big_cmp" / 2 / I64 / PURE;
    BigCmpInt / "big_cmp_int" / 2 / I64 / PURE;
    /// Big int `a` modulo int `b` (guarded non-zero beforehand), Python's sign: always fits.
    BigModInt / "big_mod_int" / 2 / I64 / PURE;
    /// The end of a function trace: return the boxed value (an owned reference). Last op.
    Return / "return" / 1 / Void / EFFECT;
}

const _: () = assert!(VARIADIC == 18446744073709551615);

/// One op: its kind, operands (indices of earlier ops), an immediate, and for guards the
/// exit number and the snapshot: the values the exit hands back (boxed, in order), which
/// the recorder's exit map says where to put. A guard with an empty snapshot before the
/// `label` (or exit 0) leaves the interpreter frame as it was when the trace was entered.
#[derive(Clone, Debug, PartialEq)]
pub struct Op {
    pub kind: OpKind,
    pub args: Vec<super::trace::OpRef>,
    pub imm: u64,
    pub exit: Option<u32>,
    pub snap: Vec<super::trace::OpRef>,
}

impl Op {
    pub fn is_guard(&self) -> bool {
        self.kind.flags() & GUARD != 0
    }
    pub fn is_pure(&self) -> bool {
        self.kind.flags() & PURE != 0
    }
}
