//! JIT controls: `RPY_JIT_PARAMS=threshold=N,bridge=M,trace_limit=K,attempts=A,code_limit=B` and
//! `RPY_JIT_LOG=PATH` (`-` or `stderr` for standard error).

/// Tunables of the JIT.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Params {
    /// Back-edges of a loop, or calls of a function, before it is recorded (1: at once).
    pub threshold: u32,
    /// Exits of a guard before a side trace is recorded from it.
    pub bridge: u32,
    /// Longest recorded iteration, in bytecode instructions.
    pub trace_limit: usize,
    /// Failed recordings of one loop before it is left to the interpreter for good.
    pub attempts: u32,
    /// Most bytes of machine code compiled in all; past it nothing more is recorded.
    pub code_limit: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params { threshold: 200, bridge: 100, trace_limit: 1000, attempts: 4, code_limit: 32 << 20 }
    }
}

impl Params {
    /// Parses a `key=value,...` list over the defaults.
    pub fn parse(s: &str) -> Result<Params, String> {
        let mut p = Params::default();
        for piece in s.split(',').map(str::trim).filter(|x| !x.is_empty()) {
            let (k, v) = piece.split_once('=').ok_or_else(|| format!("expected key=value, got `{piece}`"))?;
            let n: u64 = v.trim().parse().map_err(|_| format!("`{k}` needs a non-negative integer, got `{v}`"))?;
            let n32 = u32::try_from(n).map_err(|_| format!("`{k}` is too large"))?;
            match k.trim() {
                "threshold" => p.threshold = n32.max(1),
                "bridge" => p.bridge = n32.max(1),
                "trace_limit" => p.trace_limit = n as usize,
                "attempts" => p.attempts = n32.max(1),
                "code_limit" => p.code_limit = n as usize,
                other => return Err(format!("unknown parameter `{other}`")),
            }
        }
        Ok(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_params() {
        assert_eq!(Params::parse("").unwrap(), Params::default());
        let p = Params::parse("threshold=1,bridge=3").unwrap();
        assert_eq!((p.threshold, p.bridge), (1, 3));
        assert_eq!(Params::parse("code_limit=4096").unwrap().code_limit, 4096);
        assert_eq!(Params::parse("threshold=0").unwrap().threshold, 1);
        assert!(Params::parse("threshold").is_err());
        assert!(Params::parse("threshold=-1").is_err());
        assert!(Params::parse("speed=11").is_err());
    }
}
