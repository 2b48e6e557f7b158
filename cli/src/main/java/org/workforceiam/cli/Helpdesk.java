package org.workforceiam.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.IamException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code helpdesk} command-line tool: {@code java -jar cli/target/helpdesk.jar <command>
 * [options]}. See {@code --help} and the README for the commands, their output and exit codes.
 */
@Command(
    name = "helpdesk",
    mixinStandardHelpOptions = true,
    versionProvider = Helpdesk.Version.class,
    sortOptions = false,
    sortSynopsis = false,
    description = {
      "Sync an Okta group of employees and reset their passwords and MFA, as an Okta API"
          + " Services app; or, with --provider entra, read a Microsoft Entra ID group as an app"
          + " registration through Microsoft Graph.",
      "The connection settings are for the commands that talk to the provider.",
      "keygen, demo, simulate and bench need none; each other command's --help says which it"
          + " needs."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0 ok   1 unexpected   2 usage or configuration error   3 authentication failed",
      "  4 permission denied   5 not found   6 rate limited or the provider unavailable",
      "  7 protocol error   8 not allowed in the user's state   9 outcome unknown"
    })
public final class Helpdesk implements Callable<Integer> {
  /**
   * The commands, in the order {@code --help} lists them. Only those named on the command line are
   * registered with picocli: picocli builds the model of every registered command, by reflection,
   * before parsing, which cost about as much as the JVM's own start-up for commands never run. When
   * none is named, none runs: each is registered as its {@linkplain #summaryOf summary}, which is
   * all that the tool's help and the errors that list the commands show.
   */
  static final List<Class<? extends BaseCommand>> COMMANDS =
      List.of(
          KeygenCommand.class,
          CheckCommand.class,
          SyncCommand.class,
          FindCommand.class,
          FactorsCommand.class,
          ResetPasswordCommand.class,
          ResetMfaCommand.class,
          UnlockCommand.class,
          RevokeSessionsCommand.class,
          IssueTapCommand.class,
          DemoCommand.class,
          SimulateCommand.class,
          BenchCommand.class);

  @Mixin VerboseOption verboseOption = new VerboseOption();

  @Mixin ProviderOption providerOption = new ProviderOption();

  /** The connection flags before the command; null when none was given. */
  @ArgGroup(exclusive = false, validate = false, heading = ConfigOptions.HEADING, order = 1)
  @Nullable ConfigOptions config;

  @Spec
  @SuppressWarnings("NullAway.Init")
  CommandSpec spec;

  final Map<String, String> env;

  /** Standard input: {@code simulate --stop-on-eof} stops when it ends. */
  final InputStream in;

  Helpdesk(Map<String, String> env, InputStream in) {
    this.env = env;
    this.in = in;
  }

  @Override
  public Integer call() {
    // A usage error like any other: one line, as scripts expect.
    spec.commandLine()
        .getErr()
        .println(
            "error: no command given; one of "
                + String.join(", ", spec.subcommands().keySet())
                + " (see 'helpdesk --help')");
    return ExitCodes.USAGE;
  }

  /**
   * Runs the tool and exits with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    configureLogging(Arrays.asList(args).contains("--verbose"));
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, out, err, System.getenv());
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the tool with the given streams and environment, and returns its exit code.
   *
   * @param args the command line
   * @param out standard output
   * @param err standard error
   * @param env the environment variables
   * @return the exit code
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
    return run(args, System.in, out, err, env);
  }

  /**
   * Runs the tool with the given streams and environment, and returns its exit code.
   *
   * @param args the command line
   * @param in standard input
   * @param out standard output
   * @param err standard error
   * @param env the environment variables
   * @return the exit code
   */
  static int run(
      String[] args, InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env) {
    boolean verbose = Arrays.asList(args).contains("--verbose");
    CommandLine cli =
        new CommandLine(new Helpdesk(Objects.requireNonNull(env), Objects.requireNonNull(in)));
    List<Class<? extends BaseCommand>> named = commandsFor(args);
    if (named.isEmpty()) {
      COMMANDS.forEach(command -> cli.addSubcommand(summaryOf(command)));
    } else {
      named.forEach(cli::addSubcommand);
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // Every command offers --version (mixinStandardHelpOptions); it prints the tool's version.
    // Each command that talks to the provider says in its help which settings it needs.
    cli.getSubcommands()
        .values()
        .forEach(
            command -> {
              command.getCommandSpec().versionProvider(new Version());
              if (command.getCommand() instanceof ConnectedCommand connected) {
                connected.describeNeeds(command.getCommandSpec());
              }
            });
    cli.setParameterExceptionHandler(
        (e, arguments) -> {
          err.println(
              "error: "
                  + oneLine(String.valueOf(e.getMessage()))
                  + " (see '"
                  + e.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help')");
          err.flush();
          return ExitCodes.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          err.println("error: " + oneLine(describe(e)));
          if (verbose) {
            e.printStackTrace(err);
          }
          err.flush();
          return ExitCodes.of(e);
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * The commands to register in full: those whose name is one of the arguments (an option's value
   * that happens to be a command's name only adds that command); all of them when an argument names
   * a file of arguments ({@code @FILE}, which picocli expands), since it may name any; none when no
   * command can run.
   */
  static List<Class<? extends BaseCommand>> commandsFor(String[] args) {
    List<String> words = Arrays.asList(args);
    if (words.stream().anyMatch(word -> word.startsWith("@"))) {
      return COMMANDS;
    }
    Set<String> named = Set.copyOf(words);
    return COMMANDS.stream().filter(command -> named.contains(nameOf(command))).toList();
  }

  /**
   * A command as the tool's help lists it, without its model: its name and description, read from
   * its {@code @Command}. picocli lists a command by its name and the first line of its header, or
   * of its description when it has no header; none of the commands has a header or an alias, so the
   * listing is the same as the full model's ({@code UsageTest} compares them).
   */
  static CommandSpec summaryOf(Class<? extends BaseCommand> command) {
    Command annotation = command.getAnnotation(Command.class);
    CommandSpec summary = CommandSpec.create().name(annotation.name());
    summary.usageMessage().description(annotation.description());
    return summary;
  }

  private static String nameOf(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  private static String describe(Exception e) {
    if (e instanceof IamException || e instanceof UsageException) {
      return String.valueOf(e.getMessage());
    }
    if (e instanceof IllegalArgumentException) {
      return String.valueOf(e.getMessage());
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /** One line of text that is safe on a terminal: provider text in it can forge nothing. */
  static String oneLine(String message) {
    return Printable.oneLine(message);
  }

  /** The CLI logs through slf4j-simple to stderr: warnings only, more with --verbose. */
  static void configureLogging(boolean verbose) {
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
    // Refusals are reported once, as the error line; the audit trail shows with --verbose.
    System.setProperty(
        "org.slf4j.simpleLogger.log.org.workforceiam.audit", verbose ? "info" : "off");
    // A failed sync is reported once, as the error line; its log warning would be a second line.
    System.setProperty(
        "org.slf4j.simpleLogger.log.org.workforceiam.core.sync.DirectorySync",
        verbose ? "info" : "error");
    System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Helpdesk.class.getPackage().getImplementationVersion();
      return new String[] {
        "helpdesk " + (version == null ? "dev" : version) + " (workforce-iam)",
        "Java " + Runtime.version()
      };
    }
  }
}
