package org.workforceiam.cli.floor;

import java.io.IOException;
import java.util.List;

/**
 * The floor client ({@link OktaFloor}, {@link EntraFloor}) as a process of its own, run the way
 * users run the helpdesk jar: {@code java -cp helpdesk.jar org.workforceiam.cli.floor.FloorSync}
 * and {@link Target}'s arguments, default JVM options. Prints {@code first bytes} when the first
 * page's first bytes arrive (the benchmark times it, as it times the helpdesk's first employee
 * printed), then what it read; with {@code --tokenize}, the tokenizing floor ({@link Floor#walk}).
 */
final class FloorSync {
  private FloorSync() {}

  /**
   * Syncs once.
   *
   * @param args {@link Target}'s arguments
   */
  public static void main(String[] args) {
    Target target = Target.parse(List.of(args));
    try {
      Floor.Result result =
          target
              .app()
              .floor(target)
              .sync(target.group(), target.pageSize(), () -> System.out.println("first bytes"));
      System.out.println(
          "floor: "
              + result.pages()
              + " pages, "
              + result.bytes()
              + " bytes, "
              + result.tokenRequests()
              + " token requests"
              + (target.tokenize() ? ", " + result.members() + " members walked" : ""));
    } catch (IOException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
    }
    System.exit(0);
  }
}
