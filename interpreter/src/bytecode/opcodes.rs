//! THE opcode table. Every instruction is declared once here with its operand and stack
//! contract; the macro generates `Instr`, names, operand access and stack effects. The
//! compiler emits `Instr`, the eval loop and the disassembler match on it exhaustively (no `_`
//! arm), so adding an opcode fails to compile until every consumer handles it.

use super::code::{ConstIdx, Label, LocalIdx, NameIdx};

/// Binary operator selector for `BinaryOp` / `InplaceOp` (ORDER matters: indexes dunder tables).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinOp {
    Add, Sub, Mul, MatMul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Xor, Or,
}

impl BinOp {
    pub const ALL: [BinOp; 13] = [
        BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::MatMul, BinOp::TrueDiv, BinOp::FloorDiv,
        BinOp::Mod, BinOp::Pow, BinOp::LShift, BinOp::RShift, BinOp::And, BinOp::Xor, BinOp::Or,
    ];
    pub fn symbol(self) -> &'static str {
        ["+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "^", "|"][self as usize]
    }
    pub fn dunder(self) -> &'static str {
        ["__add__", "__sub__", "__mul__", "__matmul__", "__truediv__", "__floordiv__", "__mod__",
         "__pow__", "__lshift__", "__rshift__", "__and__", "__xor__", "__or__"][self as usize]
    }
    pub fn rdunder(self) -> &'static str {
        ["__radd__", "__rsub__", "__rmul__", "__rmatmul__", "__rtruediv__", "__rfloordiv__",
         "__rmod__", "__rpow__", "__rlshift__", "__rrshift__", "__rand__", "__rxor__", "__ror__"][self as usize]
    }
    pub fn idunder(self) -> &'static str {
        ["__iadd__", "__isub__", "__imul__", "__imatmul__", "__itruediv__", "__ifloordiv__",
         "__imod__", "__ipow__", "__ilshift__", "__irshift__", "__iand__", "__ixor__", "__ior__"][self as usize]
    }
}

/// Comparison selector for `CompareOp`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CmpOp {
    Lt, Le, Eq, Ne, Gt, Ge,
}

impl CmpOp {
    pub const ALL: [CmpOp; 6] = [CmpOp::Lt, CmpOp::Le, CmpOp::Eq, CmpOp::Ne, CmpOp::Gt, CmpOp::Ge];
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }
    pub fn dunder(self) -> &'static str {
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][self as usize]
    }
    pub fn swapped(self) -> CmpOp {
        [CmpOp::Gt, CmpOp::Ge, CmpOp::Eq, CmpOp::Ne, CmpOp::Lt, CmpOp::Le][self as usize]
    }
}

/// Operand kinds, for the disassembler.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operand {
    None,
    Const(ConstIdx),
    Name(NameIdx),
    Local(LocalIdx),
    Cell(u32),
    Jump(Label),
    Count(u32),
    BinOp(BinOp),
    CmpOp(CmpOp),
}

macro_rules! opcodes {
    ($( $(#[doc = $doc:literal])* $name:ident $( ( $arg:ident : $ty:ty ) )? => pop $pop:expr, push $push:expr; )*) => {
        /// One decoded instruction (8 bytes: tag + 32-bit operand).
        #[derive(Clone, Copy, Debug, PartialEq)]
        pub enum Instr {
            $( $(#[doc = $doc])* $name $( ($ty) )? , )*
        }

        impl Instr {
            /// All opcode names, in table order.
            pub const NAMES: &'static [&'static str] = &[ $( stringify!($name) ),* ];

            pub fn name(&self) -> &'static str {
                match self { $( Instr::$name { .. } => stringify!($name), )* }
            }

            /// (pops, pushes) on the fall-through path.
            #[allow(unused_variables)]
            pub fn stack_effect(&self) -> (u32, u32) {
                match *self {
                    $( Instr::$name $( ($arg) )? => { $( let $arg = $arg.raw(); )? (($pop) as u32, ($push) as u32) } )*
                }
            }

            /// (opcode number, raw operand) for serialisation (the bytecode cache).
            #[allow(unused_variables)]
            pub fn encode(&self) -> (u8, u32) {
                let mut n: u8 = 0;
                $(
                    if let Instr::$name $( ($arg) )? = *self {
                        return (n, opcodes!(@raw $( $arg )?));
                    }
                    n += 1;
                )*
                let _ = n;
                unreachable!("every Instr variant is listed in the table")
            }

            /// Inverse of `encode`; None for an unknown opcode or operand.
            #[allow(unused_variables, unused_assignments)]
            pub fn decode(op: u8, raw: u32) -> Option<Instr> {
                let mut n: u8 = 0;
                $(
                    if op == n {
                        return Some(Instr::$name $( (<$ty as OperandValue>::from_raw(raw)?) )?);
                    }
                    n += 1;
                )*
                None
            }

            /// The jump target, for label patching.
            pub fn label_mut(&mut self) -> Option<&mut Label> {
                match self {
                    $( Instr::$name $( ($arg) )? => { opcodes!(@label $( $arg )?) } )*
                }
            }

            pub fn operand(&self) -> Operand {
                match *self {
                    $( Instr::$name $( ($arg) )? => { opcodes!(@operand $( $arg )?) } )*
                }
            }
        }
    };
    (@operand $arg:ident) => { $arg.operand() };
    (@operand) => { Operand::None };
    (@raw $arg:ident) => { $arg.raw() };
    (@raw) => { 0 };
    (@label $arg:ident) => { $arg.as_label_mut() };
    (@label) => { None };
}

/// Conversion of an operand to its raw number and disassembler kind.
pub trait OperandValue: Copy {
    fn raw(self) -> u32;
    fn operand(self) -> Operand;
    fn from_raw(raw: u32) -> Option<Self>;
    fn as_label_mut(&mut self) -> Option<&mut Label> {
        None
    }
}

impl OperandValue for u32 {
    fn from_raw(raw: u32) -> Option<Self> { Some(raw) }
    fn raw(self) -> u32 { self }
    fn operand(self) -> Operand { Operand::Count(self) }
}
impl OperandValue for ConstIdx {
    fn from_raw(raw: u32) -> Option<Self> { Some(ConstIdx(raw)) }
    fn raw(self) -> u32 { self.0 }
    fn operand(self) -> Operand { Operand::Const(self) }
}
impl OperandValue for NameIdx {
    fn from_raw(raw: u32) -> Option<Self> { Some(NameIdx(raw)) }
    fn raw(self) -> u32 { self.0 }
    fn operand(self) -> Operand { Operand::Name(self) }
}
impl OperandValue for LocalIdx {
    fn from_raw(raw: u32) -> Option<Self> { Some(LocalIdx(raw)) }
    fn raw(self) -> u32 { self.0 }
    fn operand(self) -> Operand { Operand::Local(self) }
}
impl OperandValue for Label {
    fn from_raw(raw: u32) -> Option<Self> { Some(Label(raw)) }
    fn raw(self) -> u32 { self.0 }
    fn operand(self) -> Operand { Operand::Jump(self) }
    fn as_label_mut(&mut self) -> Option<&mut Label> { Some(self) }
}
impl OperandValue for BinOp {
    fn from_raw(raw: u32) -> Option<Self> { BinOp::ALL.get(raw as usize).copied() }
    fn raw(self) -> u32 { self as u32 }
    fn operand(self) -> Operand { Operand::BinOp(self) }
}
impl OperandValue for CmpOp {
    fn from_raw(raw: u32) -> Option<Self> { CmpOp::ALL.get(raw as usize).copied() }
    fn raw(self) -> u32 { self as u32 }
    fn operand(self) -> Operand { Operand::CmpOp(self) }
}

/// Index of a cell/free variable slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellIdx(pub u32);
impl OperandValue for CellIdx {
    fn from_raw(raw: u32) -> Option<Self> { Some(CellIdx(raw)) }
    fn raw(self) -> u32 { self.0 }
    fn operand(self) -> Operand { Operand::Cell(self.0) }
}

opcodes! {
    /// Do nothing.                                         Stack: --
    Nop => pop 0, push 0;
    /// Discard the top of stack.                           Stack: x --
    PopTop => pop 1, push 0;
    /// Duplicate the top.                                  Stack: x -- x x
    DupTop => pop 1, push 2;
    /// Duplicate the top two.                              Stack: a b -- a b a b
    DupTop2 => pop 2, push 4;
    /// Swap the top two.                                   Stack: a b -- b a
    RotTwo => pop 2, push 2;
    /// Lift the second and third up one, top to third.     Stack: a b c -- c a b
    RotThree => pop 3, push 3;
    /// Top to fourth.                                      Stack: a b c d -- d a b c
    RotFour => pop 4, push 4;
    /// Push constant `idx`.                                Stack: -- value
    LoadConst(idx: ConstIdx) => pop 0, push 1;
    /// Push local `idx`; UnboundLocalError if unset.       Stack: -- value
    LoadFast(idx: LocalIdx) => pop 0, push 1;
    /// Store into local `idx`.                             Stack: value --
    StoreFast(idx: LocalIdx) => pop 1, push 0;
    /// Unbind local `idx`.                                 Stack: --
    DeleteFast(idx: LocalIdx) => pop 0, push 0;
    /// Push the contents of cell `idx`.                    Stack: -- value
    LoadDeref(idx: CellIdx) => pop 0, push 1;
    /// Store into cell `idx`.                              Stack: value --
    StoreDeref(idx: CellIdx) => pop 1, push 0;
    /// Empty cell `idx`.                                   Stack: --
    DeleteDeref(idx: CellIdx) => pop 0, push 0;
    /// Push the cell object `idx` itself (for closures).   Stack: -- cell
    LoadClosure(idx: CellIdx) => pop 0, push 1;
    /// Class body: name from the namespace, else cell.     Stack: -- value
    LoadClassDeref(idx: CellIdx) => pop 0, push 1;
    /// Name lookup: locals, globals, builtins.             Stack: -- value
    LoadName(name: NameIdx) => pop 0, push 1;
    /// Store into the locals namespace.                    Stack: value --
    StoreName(name: NameIdx) => pop 1, push 0;
    /// Delete from the locals namespace.                   Stack: --
    DeleteName(name: NameIdx) => pop 0, push 0;
    /// Global lookup: globals then builtins.               Stack: -- value
    LoadGlobal(name: NameIdx) => pop 0, push 1;
    /// Store a module global.                              Stack: value --
    StoreGlobal(name: NameIdx) => pop 1, push 0;
    /// Delete a module global.                             Stack: --
    DeleteGlobal(name: NameIdx) => pop 0, push 0;
    /// `obj.name`.                                         Stack: obj -- value
    LoadAttr(name: NameIdx) => pop 1, push 1;
    /// `obj.name = value`.                                 Stack: value obj --
    StoreAttr(name: NameIdx) => pop 2, push 0;
    /// `del obj.name`.                                     Stack: obj --
    DeleteAttr(name: NameIdx) => pop 1, push 0;
    /// Method lookup without a bound-method object.        Stack: obj -- func self|NULL... (see CallMethod)
    LoadMethod(name: NameIdx) => pop 1, push 2;
    /// Call what LoadMethod pushed with `argc` args.       Stack: meth self args... -- result
    CallMethod(argc: u32) => pop argc + 2, push 1;
    /// `container[key]`.                                   Stack: container key -- value
    BinarySubscr => pop 2, push 1;
    /// `container[key] = value`.                           Stack: value container key --
    StoreSubscr => pop 3, push 0;
    /// `del container[key]`.                               Stack: container key --
    DeleteSubscr => pop 2, push 0;
    /// Build a slice from 2 or 3 items.                    Stack: start stop [step] -- slice
    BuildSlice(n: u32) => pop n, push 1;
    /// Binary operator.                                    Stack: lhs rhs -- result
    BinaryOp(op: BinOp) => pop 2, push 1;
    /// Augmented assignment operator (tries `__iop__`).    Stack: lhs rhs -- result
    InplaceOp(op: BinOp) => pop 2, push 1;
    /// `-x`.                                               Stack: x -- result
    UnaryNeg => pop 1, push 1;
    /// `+x`.                                               Stack: x -- result
    UnaryPos => pop 1, push 1;
    /// `not x`.                                            Stack: x -- bool
    UnaryNot => pop 1, push 1;
    /// `~x`.                                               Stack: x -- result
    UnaryInvert => pop 1, push 1;
    /// Rich comparison.                                    Stack: lhs rhs -- result
    CompareOp(op: CmpOp) => pop 2, push 1;
    /// `is` (arg 0) / `is not` (arg 1).                    Stack: lhs rhs -- bool
    IsOp(invert: u32) => pop 2, push 1;
    /// `in` (arg 0) / `not in` (arg 1).                    Stack: item container -- bool
    ContainsOp(invert: u32) => pop 2, push 1;
    /// Tuple of the top `n` items.                         Stack: items... -- tuple
    BuildTuple(n: u32) => pop n, push 1;
    /// List of the top `n` items.                          Stack: items... -- list
    BuildList(n: u32) => pop n, push 1;
    /// Set of the top `n` items.                           Stack: items... -- set
    BuildSet(n: u32) => pop n, push 1;
    /// Dict of the top `n` key/value pairs.                Stack: k v ... -- dict
    BuildMap(n: u32) => pop 2 * n, push 1;
    /// Concatenate `n` strings.                            Stack: strs... -- str
    BuildString(n: u32) => pop n, push 1;
    /// Append to the list `depth` below the top.           Stack: list ... item -- list ...
    ListAppend(depth: u32) => pop 1, push 0;
    /// Add to the set `depth` below the top.               Stack: set ... item -- set ...
    SetAdd(depth: u32) => pop 1, push 0;
    /// Insert into the dict `depth` below the top.         Stack: dict ... key value -- dict ...
    MapAdd(depth: u32) => pop 2, push 0;
    /// Extend the list `depth` below with an iterable.     Stack: list ... it -- list ...
    ListExtend(depth: u32) => pop 1, push 0;
    /// `f(*it)`: extend the argument list `depth` below; errors name the callable under it. Stack: f list ... it -- f list ...
    ListExtendCall(depth: u32) => pop 1, push 0;
    /// Update the set `depth` below with an iterable.      Stack: set ... it -- set ...
    SetUpdate(depth: u32) => pop 1, push 0;
    /// Update the dict `depth` below with a mapping.       Stack: dict ... m -- dict ...
    DictUpdate(depth: u32) => pop 1, push 0;
    /// Like DictUpdate but duplicate keys are an error (call **kwargs). Stack: f ... dict ... m -- ...
    DictMerge(depth: u32) => pop 1, push 0;
    /// Convert a list to a tuple.                          Stack: list -- tuple
    ListToTuple => pop 1, push 1;
    /// f-string field: bit0-1 conversion (0 none,1 str,2 repr,3 ascii), bit2 has spec. Stack: value [spec] -- str
    FormatValue(flags: u32) => pop 1 + ((flags >> 2) & 1), push 1;
    /// Unpack exactly `n` items.                           Stack: seq -- items (last item on bottom)
    UnpackSequence(n: u32) => pop 1, push n;
    /// Unpack with a starred target: low byte before, high byte after. Stack: seq -- items
    UnpackEx(counts: u32) => pop 1, push (counts & 0xff) + (counts >> 8) + 1;
    /// Unconditional jump.                                 Stack: --
    Jump(target: Label) => pop 0, push 0;
    /// Pop; jump if falsy.                                 Stack: x --
    PopJumpIfFalse(target: Label) => pop 1, push 0;
    /// Pop; jump if truthy.                                Stack: x --
    PopJumpIfTrue(target: Label) => pop 1, push 0;
    /// Jump keeping x if falsy, else pop.                  Stack: x -- (x)
    JumpIfFalseOrPop(target: Label) => pop 1, push 0;
    /// Jump keeping x if truthy, else pop.                 Stack: x -- (x)
    JumpIfTrueOrPop(target: Label) => pop 1, push 0;
    /// Pop; jump if it is not None (match).                Stack: x --
    PopJumpIfNotNone(target: Label) => pop 1, push 0;
    /// Pop; jump if it is None (match).                    Stack: x --
    PopJumpIfNone(target: Label) => pop 1, push 0;
    /// `iter(x)`.                                          Stack: x -- iterator
    GetIter => pop 1, push 1;
    /// Next item, or pop the iterator and jump at the end. Stack: it -- it item
    ForIter(target: Label) => pop 1, push 2;
    /// Call with `argc` positional arguments.              Stack: f args... -- result
    CallFunction(argc: u32) => pop argc + 1, push 1;
    /// Call; the top is a tuple of keyword names for the last args. Stack: f args... names -- result
    CallFunctionKw(argc: u32) => pop argc + 2, push 1;
    /// Call with an args tuple and (flag 1) a kwargs dict.  Stack: f args [kwargs] -- result
    CallFunctionEx(flags: u32) => pop 2 + (flags & 1), push 1;
    /// Make a function. Flags: 1 defaults, 2 kwdefaults, 4 annotations, 8 closure. Stack: [..] code qualname -- fn
    MakeFunction(flags: u32) => pop 2 + (flags & 1) + ((flags >> 1) & 1) + ((flags >> 2) & 1) + ((flags >> 3) & 1), push 1;
    /// Return from the frame.                              Stack: value --
    ReturnValue => pop 1, push 0;
    /// Push `__build_class__`.                             Stack: -- f
    LoadBuildClass => pop 0, push 1;
    /// Import a module: `fromlist level -- module`.        Stack: level fromlist -- module
    ImportName(name: NameIdx) => pop 2, push 1;
    /// `from m import name`.                               Stack: module -- module value
    ImportFrom(name: NameIdx) => pop 1, push 2;
    /// `from m import *`.                                  Stack: module --
    ImportStar => pop 1, push 0;
    /// Raise: 0 re-raise, 1 `raise exc`, 2 `raise exc from cause`. Stack: [exc [cause]] --
    Raise(n: u32) => pop n, push 0;
    /// Re-raise the exception on top (end of finally/handler). Stack: exc --
    Reraise => pop 1, push 0;
    /// Push an exception handler block (target gets the exception). Stack: --
    SetupExcept(target: Label) => pop 0, push 0;
    /// Push a finally block (target gets the exception).  Stack: --
    SetupFinally(target: Label) => pop 0, push 0;
    /// Pop the innermost handler block.                    Stack: --
    PopBlock => pop 0, push 0;
    /// Enter an except body: the exception becomes "being handled" (sys.exc_info). Stack: exc -- exc
    PushExcInfo => pop 1, push 1;
    /// Leave an except body.                               Stack: --
    PopExcept => pop 0, push 0;
    /// `isinstance(exc, type)` for except clauses.         Stack: exc type -- exc bool
    CheckExcMatch => pop 2, push 2;
    /// except*: split the group on top by type.            Stack: eg type -- rest match
    CheckEgMatch => pop 2, push 2;
    /// Re-raise what remains of an exception group after except* clauses. Stack: orig rest --
    ReraiseStar => pop 2, push 0;
    /// `with`: call `__enter__`, push `__exit__`.          Stack: mgr -- exit value
    BeforeWith => pop 1, push 2;
    /// Call `__exit__(None, None, None)`.                  Stack: exit -- result
    WithExitNormal => pop 1, push 1;
    /// Call `__exit__(type, exc, tb)`; re-raise unless truthy. Stack: exit exc -- exit exc (or swallowed)
    WithExitExc => pop 2, push 0;
    /// Yield the top to the caller; the sent value replaces it. Stack: v -- sent
    YieldValue => pop 1, push 1;
    /// Delegate to a sub-iterator (`yield from`).          Stack: iter sent -- iter | result
    YieldFrom => pop 2, push 1;
    /// `await x`: the awaitable's iterator (a coroutine itself, else `x.__await__()`). Stack: x -- iterator
    GetAwaitable => pop 1, push 1;
    /// `iter()` for yield from (generators kept as-is).    Stack: x -- iterator
    GetYieldFromIter => pop 1, push 1;
    /// Push `AssertionError`.                              Stack: -- type
    LoadAssertionError => pop 0, push 1;
    /// Store annotations dict on first use (module/class). Stack: --
    SetupAnnotations => pop 0, push 0;
    /// Interactive: print repr of the top, set `_`.       Stack: x --
    PrintExpr => pop 1, push 0;
    /// match: `len(subject)`.                              Stack: x -- x len
    GetLen => pop 1, push 2;
    /// match: is it a Mapping?                             Stack: x -- x bool
    MatchMapping => pop 1, push 2;
    /// match: is it a Sequence (not str/bytes)?            Stack: x -- x bool
    MatchSequence => pop 1, push 2;
    /// match: look up keys tuple, push values tuple or None. Stack: subj keys -- subj keys values|None
    MatchKeys => pop 2, push 3;
    /// match: class pattern with `n` positional; kw names tuple on top. Stack: subj cls names -- attrs|None
    MatchClass(n: u32) => pop 3, push 1;
    /// match: dict minus the matched keys (`**rest`).      Stack: subj keys -- rest
    CopyDictWithoutKeys => pop 2, push 1;
    /// Push a copy of the item `n` deep (1 = top).         Stack: .. x .. -- .. x .. x
    CopyN(n: u32) => pop 0, push 1;
}

const _: () = assert!(std::mem::size_of::<Instr>() == 8);

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn encode_decode_roundtrip() {
        let samples = [
            Instr::Nop,
            Instr::LoadConst(ConstIdx(7)),
            Instr::BinaryOp(BinOp::Pow),
            Instr::CompareOp(CmpOp::Ge),
            Instr::Jump(Label(123)),
            Instr::CopyN(3),
            Instr::LoadDeref(CellIdx(2)),
        ];
        for s in samples {
            let (op, raw) = s.encode();
            assert_eq!(Instr::decode(op, raw), Some(s));
        }
        assert_eq!(Instr::NAMES.len() < 256, true);
        assert_eq!(Instr::decode(255, 0), None);
    }
}
