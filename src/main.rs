//! The vakwijzer binary: parse the arguments, run one command, turn errors into messages and
//! exit codes. Everything else lives in the library.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    vakwijzer::i18n::init(vakwijzer::cli::requested_lang(&args));
    let cli = vakwijzer::cli::parse(args);
    match vakwijzer::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(vakwijzer::Error::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(error) => {
            let message = error.to_string();
            eprintln!("vakwijzer: {}", vakwijzer::escape::terminal_text(&message));
            ExitCode::from(error.exit_code())
        }
    }
}

/// The functions of the C maths library that the code linked in calls (printpdf's and the radar
/// chart's angles, zopfli's and allsorts' base-2 logarithms, tera's powers), from the
/// `libm` crate: defined here, they leave the linker nothing to take from libm.so, so it is not
/// loaded at every start (issue 30: a tenth of a hello world's start-up). Should the code come to
/// call another of its functions, the linker loads libm.so again, and tests/frameworks.rs says so.
/// Linux with glibc only, where libm is a library of its own.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod maths {
    #[unsafe(no_mangle)]
    extern "C" fn pow(x: f64, y: f64) -> f64 {
        libm::pow(x, y)
    }

    #[unsafe(no_mangle)]
    extern "C" fn log2(x: f64) -> f64 {
        libm::log2(x)
    }

    #[unsafe(no_mangle)]
    extern "C" fn atan2f(y: f32, x: f32) -> f32 {
        libm::atan2f(y, x)
    }

    // An unoptimised build computes a sine and a cosine of one angle apart.
    #[unsafe(no_mangle)]
    extern "C" fn sinf(x: f32) -> f32 {
        libm::sinf(x)
    }

    #[unsafe(no_mangle)]
    extern "C" fn cosf(x: f32) -> f32 {
        libm::cosf(x)
    }

    /// # Safety
    /// `sin` and `cos` point to writable `f32`s, as C's `sincosf` requires of its callers.
    #[unsafe(no_mangle)]
    unsafe extern "C" fn sincosf(x: f32, sin: *mut f32, cos: *mut f32) {
        let (s, c) = libm::sincosf(x);
        // SAFETY: the caller gives two valid pointers, as for the C library's sincosf.
        unsafe {
            sin.write(s);
            cos.write(c);
        }
    }

    #[cfg(test)]
    mod tests {
        /// Each is wired to its own function, with its arguments in C's order.
        #[test]
        fn each_gives_its_own_function() {
            assert_eq!(super::pow(2.0, 10.0), 1024.0);
            assert_eq!(super::pow(9.0, 0.5), 3.0);
            assert_eq!(super::log2(8.0), 3.0);
            assert_eq!(super::log2(0.5), -1.0);
            assert_eq!(super::atan2f(1.0, 0.0), std::f32::consts::FRAC_PI_2);
            assert_eq!(super::atan2f(0.0, -1.0), std::f32::consts::PI);
            let (mut sin, mut cos) = (f32::NAN, f32::NAN);
            // SAFETY: two valid pointers to f32s.
            unsafe { super::sincosf(std::f32::consts::FRAC_PI_2, &mut sin, &mut cos) };
            assert_eq!((sin, cos.abs() < 1e-7), (1.0, true));
            // SAFETY: as above.
            unsafe { super::sincosf(0.0, &mut sin, &mut cos) };
            assert_eq!((sin, cos), (0.0, 1.0));
            assert_eq!((super::sinf(0.0), super::cosf(0.0)), (0.0, 1.0));
            assert_eq!(super::sinf(std::f32::consts::FRAC_PI_2), 1.0);
        }
    }
}
