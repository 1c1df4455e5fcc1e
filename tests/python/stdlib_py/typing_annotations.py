from typing import List, Dict, Optional, Union, Tuple, Callable, Any, NamedTuple
def f(a: List[int], b: Optional[str] = None) -> Dict[str, int]:
    return {str(x): x for x in a}
print(f([1, 2]), f.__annotations__["a"], f.__annotations__["return"])
class Pt(NamedTuple):
    x: int
    y: int = 0
print(Pt(1), Pt(1, 2)._asdict(), Pt._fields)
print(Union[int, str], Optional[int], Tuple[int, ...], Callable[[int], str])
x: Any = 5
print(x)
