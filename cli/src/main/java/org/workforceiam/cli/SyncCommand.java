package org.workforceiam.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.Employee;
import org.workforceiam.core.Factor;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamDirectory;
import org.workforceiam.core.IamEventListener;
import org.workforceiam.core.Page;
import org.workforceiam.core.UserId;
import org.workforceiam.core.sync.DirectorySync;
import org.workforceiam.core.sync.SyncReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Print every member of the group, as each page arrives.",
      "jsonl and csv carry id, login, firstName, lastName, email, status, missingFields.",
      "With --provider entra: the group's transitive user members (nested groups expanded,"
          + " devices, contacts and service principals skipped); id is the object id, login the"
          + " userPrincipalName, email the mail (none without a mailbox), status ACTIVE or"
          + " DISABLED.",
      "With --snapshot, compare with the previous snapshot (counts on stderr) and write the new one.",
      "With --verbose, end with a summary of the requests, retries, rate-limit waits and token"
          + " fetches on stderr."
    })
final class SyncCommand extends ConnectedCommand {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "jsonl",
      description = "jsonl (default), csv or table.")
  Output.Format format = Output.Format.jsonl;

  @Option(
      names = "--snapshot",
      paramLabel = "FILE",
      description = "The snapshot of the previous sync; written anew when this one completes.")
  @Nullable Path snapshot;

  @Option(
      names = "--progress",
      negatable = true,
      description = "Show progress on stderr (default: only when the console is a terminal).")
  @Nullable Boolean progress;

  @Override
  public Integer call() {
    EventSummary events = new EventSummary();
    try {
      return sync(events);
    } finally {
      if (verbose()) {
        err().println(events.line());
        err().flush();
      }
    }
  }

  private Integer sync(EventSummary events) {
    try (Connection connection = connect(verbose() ? events : IamEventListener.NONE)) {
      GroupId group = connection.group();
      Output.EmployeeWriter writer =
          new Output.EmployeeWriter(format, out(), connection.provider().idWidth);
      boolean showProgress = progress != null ? progress : stderrIsTerminal();
      PrintingDirectory printing = new PrintingDirectory(connection.directory(), writer);
      writer.header();
      writer.flush();
      if (snapshot != null) {
        SyncReport report =
            DirectorySync.builder()
                .directory(printing)
                .group(group)
                .snapshotFile(snapshot)
                .build()
                .run(progressListener(showProgress));
        endProgress(showProgress);
        summary(printing.members.get(), printing.incomplete.get(), printing.pages.get());
        if (report.firstSync()) {
          err().println("first sync: no earlier snapshot; wrote " + snapshot);
        } else {
          err()
              .println(
                  "since the snapshot of "
                      + report.previousSnapshotAt().map(Object::toString).orElse("?")
                      + ": added "
                      + report.added().size()
                      + ", removed "
                      + report.removed().size()
                      + ", changed "
                      + report.changed().size()
                      + "; wrote "
                      + snapshot);
        }
      } else {
        printing
            .memberPages(group)
            .forEach(
                page -> {
                  if (showProgress) {
                    progressLine(printing.pages.get(), printing.members.get());
                  }
                });
        endProgress(showProgress);
        summary(printing.members.get(), printing.incomplete.get(), printing.pages.get());
      }
      return ExitCodes.OK;
    }
  }

  /**
   * Whether stderr is a terminal, as the contract puts it: {@code sync > members.jsonl} in a
   * terminal shows progress, {@code sync 2> log} does not. Java has no such test, so on Linux ask
   * where file descriptor 2 leads; elsewhere fall back to {@link #consoleIsTerminal()}.
   */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/")
          || target.startsWith("/dev/tty")
          || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return consoleIsTerminal();
    }
  }

  /**
   * Whether the console is a terminal. Java 17 has no test for stderr alone: a console exists only
   * when stdin and stdout are terminals. From Java 22 a console always exists, so ask it.
   */
  @SuppressWarnings("SystemConsoleNull") // handled: isTerminal() is asked where it exists
  static boolean consoleIsTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  private DirectorySync.Listener progressListener(boolean show) {
    return new DirectorySync.Listener() {
      @Override
      public void onPage(int pagesFetched, int employeesSoFar) {
        if (show) {
          progressLine(pagesFetched, employeesSoFar);
        }
      }
    };
  }

  private void progressLine(int pages, int employees) {
    err().print("\r" + employees + " members, " + pages + (pages == 1 ? " page" : " pages"));
    err().flush();
  }

  private void endProgress(boolean show) {
    if (show) {
      err().println();
    }
  }

  private void summary(int members, int incomplete, int pages) {
    err()
        .println(
            members
                + " members on "
                + pages
                + (pages == 1 ? " page" : " pages")
                + (incomplete == 0
                    ? ""
                    : "; " + incomplete + " with incomplete profiles (see missingFields)"));
  }

  /**
   * Prints each page of members as it arrives, then hands it on: a sync that fails midway keeps
   * what it printed.
   */
  static final class PrintingDirectory implements IamDirectory {
    private final IamDirectory delegate;
    private final Output.EmployeeWriter writer;
    final AtomicInteger pages = new AtomicInteger();
    final AtomicInteger members = new AtomicInteger();
    final AtomicInteger incomplete = new AtomicInteger();

    PrintingDirectory(IamDirectory delegate, Output.EmployeeWriter writer) {
      this.delegate = delegate;
      this.writer = writer;
    }

    private Page<Employee> print(Page<Employee> page) {
      pages.incrementAndGet();
      for (Employee employee : page.items()) {
        writer.write(employee);
        members.incrementAndGet();
        if (!employee.hasCompleteProfile()) {
          incomplete.incrementAndGet();
        }
      }
      writer.flush();
      return page;
    }

    @Override
    public Page<Employee> membersPage(GroupId group) {
      return print(delegate.membersPage(group));
    }

    @Override
    public Page<Employee> membersPage(GroupId group, Page.Cursor cursor) {
      return print(delegate.membersPage(group, cursor));
    }

    @Override
    public Optional<Employee> findById(UserId id) {
      return delegate.findById(id);
    }

    @Override
    public Optional<Employee> findByLogin(String login) {
      return delegate.findByLogin(login);
    }

    @Override
    public Optional<Employee> findByEmail(String email) {
      return delegate.findByEmail(email);
    }

    @Override
    public List<Factor> factors(UserId user) {
      return delegate.factors(user);
    }

    @Override
    public boolean isMember(UserId user, GroupId group) {
      return delegate.isMember(user, group);
    }
  }
}
