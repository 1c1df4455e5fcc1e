//! `rpy`: the command-line entry point, shaped like `python3`'s.

use clap::Parser;
use rpy_interpreter::object::ObjKind;
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::{self, Config, Vm};
use rpy_interpreter::PyErr;
use std::io::{IsTerminal, Read};
use std::process::ExitCode;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser, Debug)]
#[command(name = "rpy", disable_version_flag = true, disable_help_flag = true, about = "rpy: a fast Python 3.11 runtime")]
struct Cli {
    /// Program passed in as a string.
    #[arg(short = 'c', value_name = "cmd", allow_hyphen_values = true)]
    command: Option<String>,
    /// Run a module as a script.
    #[arg(short = 'm', value_name = "mod")]
    module: Option<String>,
    /// Unbuffered stdout and stderr.
    #[arg(short = 'u')]
    unbuffered: bool,
    /// Don't imply `import site`.
    #[arg(short = 'S')]
    no_site: bool,
    /// Ignore PYTHON* environment variables.
    #[arg(short = 'E')]
    ignore_env: bool,
    /// Isolate from the user's environment (implies -E).
    #[arg(short = 'I')]
    isolated: bool,
    /// Don't write bytecode caches.
    #[arg(short = 'B')]
    no_bytecode: bool,
    /// Remove assert statements (and __debug__-dependent code).
    #[arg(short = 'O', action = clap::ArgAction::Count)]
    optimize: u8,
    /// Print the version and exit.
    #[arg(short = 'V', long = "version")]
    version: bool,
    /// Print help.
    #[arg(short = 'h', long = "help")]
    help: bool,
    /// Print our bytecode for FILE and exit.
    #[arg(long = "dis", value_name = "FILE")]
    dis: Option<String>,
    /// JIT mode: on or off (same as RPY_JIT).
    #[arg(long = "jit", value_name = "MODE")]
    jit: Option<String>,
    /// Script path (or `-` for stdin) followed by its arguments.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    rest: Vec<String>,
}

const USAGE: &str = "usage: rpy [option] ... [-c cmd | -m mod | file | -] [arg] ...";

extern "C" {
    fn prctl(option: i32, arg2: u64, arg3: u64, arg4: u64, arg5: u64) -> i32;
}
const PR_SET_THP_DISABLE: i32 = 41;

fn main() -> ExitCode {
    // Transparent huge pages turn the first touch of mimalloc's arena into a 2 MiB page of
    // resident memory; small scripts then carry ~8 MiB they never use.
    // SAFETY: prctl with PR_SET_THP_DISABLE only changes this process's paging policy.
    unsafe { prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0) };
    let raw: Vec<String> = std::env::args().collect();
    // Options after -c/-m/script belong to the program: split there.
    let (ours, theirs) = split_args(&raw[1..]);
    // Reject unknown options before clap (which would take them for the script).
    let mut skip_value = false;
    for o in &ours {
        if skip_value {
            skip_value = false;
            continue;
        }
        if matches!(o.as_str(), "-c" | "-m" | "--dis" | "--jit") {
            skip_value = true;
            continue;
        }
        if let Some(flags) = o.strip_prefix('-').filter(|f| !f.starts_with('-') && !f.is_empty()) {
            if let Some(bad) = flags.chars().find(|c| !"cmuSEIBOVh".contains(*c)) {
                eprintln!("Unknown option: -{bad}\n{USAGE}\nTry `rpy -h' for more information.");
                return ExitCode::from(2);
            }
        } else if o.starts_with("--") && !matches!(o.as_str(), "--version" | "--help" | "--dis" | "--jit") && !o.starts_with("--jit=") && !o.starts_with("--dis=") {
            eprintln!("unknown option {o}\n{USAGE}\nTry `rpy -h' for more information.");
            return ExitCode::from(2);
        }
    }
    let cli = match Cli::try_parse_from(std::iter::once("rpy".to_string()).chain(ours.iter().cloned())) {
        Ok(c) => c,
        Err(e) => {
            // python3-style usage errors: "Unknown option: -x" / "Argument expected for the -c option".
            let first = match e.kind() {
                clap::error::ErrorKind::UnknownArgument => {
                    let arg = e.get(clap::error::ContextKind::InvalidArg).map(|v| v.to_string()).unwrap_or_default();
                    format!("Unknown option: {arg}")
                }
                clap::error::ErrorKind::InvalidValue | clap::error::ErrorKind::MissingRequiredArgument => {
                    let arg = e.get(clap::error::ContextKind::InvalidArg).map(|v| v.to_string()).unwrap_or_default();
                    let opt = arg.split_whitespace().next().unwrap_or("").to_string();
                    format!("Argument expected for the {opt} option")
                }
                _ => e.to_string().lines().next().unwrap_or("").trim_start_matches("error: ").to_string(),
            };
            eprintln!("{first}\n{USAGE}\nTry `rpy -h' for more information.");
            return ExitCode::from(2);
        }
    };
    if cli.help {
        println!("{USAGE}\nOptions: -c cmd, -m mod, -u, -S, -E, -I, -B, -O, -V, --dis FILE, --jit on|off");
        return ExitCode::SUCCESS;
    }
    if cli.version {
        println!("Python 3.11.7 (rpy {})", env!("CARGO_PKG_VERSION"));
        return ExitCode::SUCCESS;
    }
    // Run on a thread with a large stack: deep Python recursion becomes RecursionError,
    // never a native stack overflow.
    let child = std::thread::Builder::new().stack_size(1 << 30).spawn(move || run(cli, theirs));
    match child.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => ExitCode::from(1),
    }
}

/// Splits argv into rpy's options and the program's argv (from the script/-c/-m on).
fn split_args(args: &[String]) -> (Vec<String>, Vec<String>) {
    let mut i = 0;
    let mut ours = Vec::new();
    while i < args.len() {
        let a = &args[i];
        if a == "-c" || a == "-m" {
            ours.push(a.clone());
            if i + 1 < args.len() {
                ours.push(args[i + 1].clone());
            }
            return (ours, args[(i + 2).min(args.len())..].to_vec());
        }
        if a == "--dis" || a == "--jit" {
            ours.push(a.clone());
            if i + 1 < args.len() {
                ours.push(args[i + 1].clone());
            }
            i += 2;
            continue;
        }
        if a == "-" || !a.starts_with('-') {
            return (ours, args[i..].to_vec());
        }
        // Combined short flags like -uB or -c<cmd>.
        if let Some(rest) = a.strip_prefix("-c").filter(|r| !r.is_empty() && !a.starts_with("--")) {
            ours.push("-c".into());
            ours.push(rest.to_string());
            return (ours, args[i + 1..].to_vec());
        }
        ours.push(a.clone());
        i += 1;
    }
    (ours, Vec::new())
}

enum Source {
    File(String),
    Command(String),
    Module(String),
    Stdin,
    Interactive,
}

fn run(cli: Cli, theirs: Vec<String>) -> u8 {
    rpy_interpreter::signals::install();
    let ignore_env = cli.ignore_env || cli.isolated;
    let env = |k: &str| if ignore_env { None } else { std::env::var(k).ok() };
    let seed = env("PYTHONHASHSEED").and_then(|s| if s == "random" { None } else { s.parse::<u32>().ok() });
    rpy_interpreter::hash::set_hash_seed(seed);
    let jit_env = std::env::var("RPY_JIT").ok();
    let jit = match cli.jit.as_deref().or(jit_env.as_deref()) {
        Some("off") | Some("0") => false,
        _ => true,
    };
    if let Some(f) = &cli.dis {
        return disassemble(f);
    }
    let (source, argv0) = if let Some(c) = &cli.command {
        (Source::Command(c.clone()), "-c".to_string())
    } else if let Some(m) = &cli.module {
        (Source::Module(m.clone()), m.clone())
    } else if let Some(first) = theirs.first() {
        if first == "-" {
            (Source::Stdin, "-".to_string())
        } else {
            (Source::File(first.clone()), first.clone())
        }
    } else if std::io::stdin().is_terminal() {
        (Source::Interactive, String::new())
    } else {
        (Source::Stdin, String::new())
    };
    let mut argv = vec![argv0];
    argv.extend(theirs.iter().skip(if matches!(source, Source::File(_) | Source::Stdin) && !theirs.is_empty() { 1 } else { 0 }).cloned());
    let mut path = Vec::new();
    match &source {
        Source::File(f) => {
            let dir = std::path::Path::new(f).parent().map(|p| p.to_string_lossy().to_string()).unwrap_or_default();
            let dir = if dir.is_empty() { ".".to_string() } else { std::fs::canonicalize(&dir).map(|p| p.to_string_lossy().to_string()).unwrap_or(dir) };
            path.push(dir);
        }
        _ => path.push(std::env::current_dir().map(|p| p.to_string_lossy().to_string()).unwrap_or_default()),
    }
    if let Some(pp) = env("PYTHONPATH") {
        path.extend(pp.split(':').filter(|s| !s.is_empty()).map(|s| s.to_string()));
    }
    // rpy's own Python-level shims first, then CPython 3.11's pure-Python Lib (never copied).
    path.extend(rpy_stdlib::stdlib_path::stdlib_paths());
    let config = Config {
        argv,
        unbuffered: cli.unbuffered || env("PYTHONUNBUFFERED").map(|v| !v.is_empty()).unwrap_or(false),
        no_site: cli.no_site,
        ignore_env,
        isolated: cli.isolated,
        dont_write_bytecode: cli.no_bytecode,
        optimize: cli.optimize as u32,
        jit,
        path,
    };
    let mut vm = Vm::new(config);
    rpy_stdlib::register_all(&mut vm);
    if jit {
        vm.jit = Some(Box::new(rpy_tracer::Jit::from_env()));
        vm.jit_fn_runner = Some(rpy_tracer::functions::run);
    }
    let code = match source {
        Source::File(f) => match std::fs::read(&f) {
            // Like CPython (3.9+), the main script's code carries its absolute path.
            Ok(bytes) => {
                let abs = std::path::absolute(&f).map(|p| p.to_string_lossy().to_string()).unwrap_or(f.clone());
                run_source(&mut vm, &String::from_utf8_lossy(&bytes), &abs)
            }
            Err(e) => {
                let abs = std::fs::canonicalize(&f).map(|p| p.to_string_lossy().to_string()).unwrap_or_else(|_| {
                    std::env::current_dir().map(|d| d.join(&f).to_string_lossy().to_string()).unwrap_or(f.clone())
                });
                eprintln!("rpy: can't open file '{}': [Errno {}] {}", abs, e.raw_os_error().unwrap_or(2), errno_text(&e));
                2
            }
        },
        Source::Command(c) => {
            // Like CPython, tracebacks for `-c` and stdin code show no source lines.
            run_source(&mut vm, &c, "<string>")
        }
        Source::Stdin => {
            let mut s = String::new();
            let _ = std::io::stdin().read_to_string(&mut s);
            run_source(&mut vm, &s, "<stdin>")
        }
        Source::Module(m) => run_module(&mut vm, &m),
        Source::Interactive => repl(&mut vm),
    };
    vm.flush_std();
    if let Some(mut j) = vm.jit.take() {
        j.on_exit(&mut vm);
    }
    code
}

fn errno_text(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => e.to_string(),
    }
}

fn main_module(vm: &mut Vm, file: Option<&str>) -> Value {
    let m = vm.new_module("__main__");
    let b = vm.builtins.clone();
    vm.module_set(&m, "__builtins__", b);
    if let Some(f) = file {
        vm.module_set(&m, "__file__", vm::new_str(f));
    }
    vm.sys_modules_set("__main__", m.clone());
    m
}

fn run_source(vm: &mut Vm, src: &str, filename: &str) -> u8 {
    let m = main_module(vm, if filename.starts_with('<') { None } else { Some(filename) });
    let code = match vm.compile_source(src, filename, rpy_interpreter::compiler::Mode::Exec) {
        Ok(c) => c,
        Err(e) => return report(vm, e),
    };
    let globals = vm.module_dict(&m).unwrap_or(Value::NONE);
    match vm.run_code(code, globals) {
        Ok(_) => 0,
        Err(e) => report(vm, e),
    }
}

fn run_module(vm: &mut Vm, name: &str) -> u8 {
    // Locate the module's source on sys.path and run it as __main__.
    let path = vm.config.path.clone();
    for dir in path {
        let base = std::path::Path::new(&dir);
        let rel = name.replace('.', "/");
        for cand in [base.join(format!("{rel}.py")), base.join(&rel).join("__main__.py")] {
            if cand.is_file() {
                let f = cand.to_string_lossy().to_string();
                if let Some(a) = vm.config.argv.first_mut() {
                    *a = f.clone();
                }
                let argv: Vec<Value> = vm.config.argv.iter().map(|a| vm::new_str(a)).collect();
                let sys = vm.sys.clone();
                vm.module_set(&sys, "argv", vm::new_list(argv));
                let src = std::fs::read(&f).map(|b| String::from_utf8_lossy(&b).to_string()).unwrap_or_default();
                return run_source(vm, &src, &f);
            }
        }
    }
    vm.flush_std();
    eprintln!("{}: No module named {}", std::env::current_exe().map(|p| p.to_string_lossy().to_string()).unwrap_or_else(|_| "rpy".into()), name);
    1
}

/// Prints an uncaught exception (or handles SystemExit) and returns the exit code.
fn report(vm: &mut Vm, e: PyErr) -> u8 {
    let exc = e.0;
    let sys_exit = vm.exc_type("SystemExit");
    vm.flush_std();
    if vm.isinstance_type(&exc, &sys_exit) {
        let code = vm.getattr_str(&exc, "code").unwrap_or(Value::NONE);
        if code.is_none() {
            return 0;
        }
        if let Some(i) = code.as_small_int() {
            return (i & 0xff) as u8;
        }
        if code.is_bool() {
            return code.is(&Value::TRUE) as u8;
        }
        let s = vm.to_str(&code).unwrap_or_default();
        let _ = vm.stderr.borrow_mut().write_str(&format!("{s}\n"));
        vm.flush_std();
        return 1;
    }
    let text = vm.format_exception(&exc);
    let _ = vm.stderr.borrow_mut().write_str(&text);
    vm.flush_std();
    // Like CPython, an uncaught KeyboardInterrupt ends the process as if killed by SIGINT.
    let kbi = vm.exc_type("KeyboardInterrupt");
    if vm.isinstance_type(&exc, &kbi) {
        return 130;
    }
    1
}

fn disassemble(f: &str) -> u8 {
    let src = match std::fs::read(f) {
        Ok(b) => String::from_utf8_lossy(&b).to_string(),
        Err(e) => {
            eprintln!("rpy: can't open file '{f}': {e}");
            return 2;
        }
    };
    let mut vm = Vm::new(Config::default());
    match vm.compile_source(&src, f, rpy_interpreter::compiler::Mode::Exec) {
        Ok(code) => {
            let mut out = String::new();
            rpy_interpreter::bytecode::disasm::disassemble(&code, &mut out);
            print!("{out}");
            0
        }
        Err(e) => report(&mut vm, e),
    }
}

fn repl(vm: &mut Vm) -> u8 {
    let m = main_module(vm, None);
    let globals = vm.module_dict(&m).unwrap_or(Value::NONE);
    eprintln!("Python 3.11.7 (rpy {}) on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.", env!("CARGO_PKG_VERSION"));
    let stdin = std::io::stdin();
    let mut buf = String::new();
    loop {
        let prompt = if buf.is_empty() { ">>> " } else { "... " };
        eprint!("{prompt}");
        let mut line = String::new();
        match stdin.read_line(&mut line) {
            Ok(0) => {
                eprintln!();
                return 0;
            }
            Ok(_) => {}
            Err(_) => return 1,
        }
        buf.push_str(&line);
        let trimmed = line.trim_end();
        let continued = !buf.trim().is_empty() && (trimmed.ends_with(':') || (buf.lines().count() > 1 && !trimmed.is_empty()));
        if continued {
            continue;
        }
        if buf.trim().is_empty() {
            buf.clear();
            continue;
        }
        let src = std::mem::take(&mut buf);
        match vm.compile_source(&src, "<stdin>", rpy_interpreter::compiler::Mode::Single) {
            Ok(code) => {
                if let Err(e) = vm.run_code(code, globals.clone()) {
                    let exit = vm.exc_type("SystemExit");
                    if vm.isinstance_type(&e.0, &exit) {
                        return report(vm, e);
                    }
                    let t = vm.format_exception(&e.0);
                    vm.flush_std();
                    eprint!("{t}");
                }
            }
            Err(e) => {
                let t = vm.format_exception(&e.0);
                eprint!("{t}");
            }
        }
        vm.flush_std();
        let _ = matches!(m.as_obj().map(|o| &o.kind), Some(ObjKind::Module(_)));
    }
}
