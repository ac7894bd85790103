package io.github.vforklint.cli;

import picocli.CommandLine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Process entry point. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code instead of exiting, for tests and embedding. */
    public static int run(String... args) {
        CommandLine cli = commandLine(args.length > 0 ? args[0] : null);
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands only Exceptions to the handler below; an Error thrown on this thread lands here.
            return outOfMemory(cli.getErr());
        } catch (Error e) {
            // Uncaught, the JVM would print a stack trace and exit 1, which reads as "findings".
            return internalError(cli.getErr(), e);
        }
    }

    /**
     * Running out of memory says nothing about the scanned code (exit 1) and is no bug in
     * vforklint (exit 4): the input was larger than the heap allows. Exit 3, with what to do.
     */
    static int outOfMemory(java.io.PrintWriter err) {
        long heapMiB = Runtime.getRuntime().maxMemory() >> 20;
        err.println("vforklint: out of memory (the Java heap is " + heapMiB + " MiB); nothing was reported. Give Java"
                + " more (VFORKLINT_JAVA_OPTS=-Xmx4g with ./vforklint, or java -Xmx4g -jar), or leave the largest"
                + " files out with --exclude");
        err.flush();
        return ExitCode.INCOMPLETE.code();
    }

    private static int internalError(java.io.PrintWriter err, Throwable e) {
        err.println("vforklint: internal error: " + e);
        if (System.getenv("VFORKLINT_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("vforklint: set VFORKLINT_DEBUG=1 for the stack trace, and please report it");
        }
        err.flush();
        return ExitCode.INTERNAL.code();
    }

    /** Whether an exception carries an OutOfMemoryError, as one from a worker thread does. */
    private static boolean causedByOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /**
     * The subcommands by name, in the order help lists them. Each is added under the name its own
     * {@code @Command} gives: a key here that differs from it only fails to select it.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("check", CheckCommand::new);
        all.put("rules", RulesCommand::new);
        all.put("explain", ExplainCommand::new);
        all.put("probe", ProbeCommand::new);
        return all;
    }

    /** The whole command line, every subcommand in it. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line for a run whose first argument is {@code first}: when that names a
     * subcommand, the others are left out, since picocli reads each one's annotations as it is
     * added (an empty folder's scan spent a third of its time building the command line).
     * Anything else (no argument, an option, a typo) gets them all, for help and suggestions.
     */
    static CommandLine commandLine(String first) {
        CommandLine cli = new CommandLine(new VforklintCommand());
        Supplier<Object> named = first == null ? null : SUBCOMMANDS.get(first);
        if (named != null) {
            cli.addSubcommand(named.get());
        } else {
            SUBCOMMANDS.values().forEach(command -> cli.addSubcommand(command.get()));
        }
        cli.setExitCodeExceptionMapper(e -> ExitCode.INTERNAL.code());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException usage) {
                commandLine.getErr().println("vforklint: " + usage.getMessage());
                return ExitCode.USAGE.code();
            }
            if (causedByOutOfMemory(e)) {
                return outOfMemory(commandLine.getErr());
            }
            return internalError(commandLine.getErr(), e);
        });
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("vforklint: " + e.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.USAGE.code();
        });
        return cli;
    }
}
