//! `cm-server`: see `server::config` for the flags. The first line on stdout is
//! the bound address (so `--addr 127.0.0.1:0` can be used by tests and scripts).

use std::io::Write;

use server::config::Config;

#[tokio::main]
async fn main() {
    let config = match Config::parse(std::env::args().skip(1), |var| std::env::var(var).ok()) {
        Ok(config) => config,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    };
    let data_dir = config.data_dir.clone();
    let (addr, state, listener) = match server::bind(config).await {
        Ok(bound) => bound,
        Err(message) => {
            eprintln!("cm-server: {message}");
            std::process::exit(1);
        }
    };
    println!("{addr}");
    let _ = std::io::stdout().flush();
    eprintln!("cm-server: serving http://{addr}/v1 from {}", data_dir.display());
    if let Err(message) = server::serve(state, listener, shutdown()).await {
        eprintln!("cm-server: {message}");
        std::process::exit(1);
    }
}

/// Ctrl-C or SIGTERM: finish the requests under way, then stop.
async fn shutdown() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => drop(signal.recv().await),
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}
