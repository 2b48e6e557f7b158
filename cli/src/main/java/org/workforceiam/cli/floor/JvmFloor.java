package org.workforceiam.cli.floor;

/**
 * The least a JVM started from the helpdesk jar does: print one line and exit. The floor of {@code
 * helpdesk --help} in {@link FloorBench}.
 */
final class JvmFloor {
  private JvmFloor() {}

  /**
   * Prints one line.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    System.out.println("Usage: helpdesk");
  }
}
