package org.workforceiam.build.apidump;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workforceiam.build.apidump.fixture.Widget;

class ApiDumpTest {
  private static final String FIXTURE = "org.workforceiam.build.apidump.fixture";
  private static final String INTERNAL = FIXTURE + ".internal";

  @TempDir Path temp;

  @Test
  void dumpsEveryApiTypeAsOneSortedBlockOfMemberLines() throws Exception {
    assertThat(fixtureDump())
        .isEqualTo(
            """
            public interface org.workforceiam.build.apidump.fixture.Catalog<T extends java.lang.Comparable<? super T>>
            \tpublic static org.workforceiam.build.apidump.fixture.Catalog<java.lang.String> empty()
            \tpublic abstract java.util.Optional<T> find(java.lang.String) throws java.io.IOException
            \tpublic default java.util.List<T> findAll(java.lang.String...)

            public record org.workforceiam.build.apidump.fixture.Circle : org.workforceiam.build.apidump.fixture.Shape
            \tpublic <init>(double)
            \tpublic double area()
            \tpublic final boolean equals(java.lang.Object)
            \tpublic final int hashCode()
            \tpublic double radius()
            \tpublic final java.lang.String toString()

            public non-sealed class org.workforceiam.build.apidump.fixture.Polygon : org.workforceiam.build.apidump.fixture.Shape
            \tprotected int corners
            \tpublic <init>(int)
            \tpublic double area()
            \tprotected void draw()

            public sealed interface org.workforceiam.build.apidump.fixture.Shape permits org.workforceiam.build.apidump.fixture.Circle, org.workforceiam.build.apidump.fixture.Polygon, org.workforceiam.build.apidump.fixture.Shape$Square
            \tpublic abstract double area()

            public record org.workforceiam.build.apidump.fixture.Shape$Square : org.workforceiam.build.apidump.fixture.Shape
            \tpublic <init>(double)
            \tpublic double area()
            \tpublic final boolean equals(java.lang.Object)
            \tpublic final int hashCode()
            \tpublic double side()
            \tpublic final java.lang.String toString()

            public final class org.workforceiam.build.apidump.fixture.Widget : java.lang.Comparable<org.workforceiam.build.apidump.fixture.Widget>, java.lang.Runnable
            \tpublic static final java.lang.String KIND
            \tpublic java.lang.String label
            \tpublic static org.workforceiam.build.apidump.fixture.Widget$Builder builder()
            \tpublic int compareTo(org.workforceiam.build.apidump.fixture.Widget)
            \tpublic java.lang.String describe()
            \tpublic void run()
            \tpublic int size()

            public static final class org.workforceiam.build.apidump.fixture.Widget$Builder
            \tpublic <init>()
            \tpublic org.workforceiam.build.apidump.fixture.Widget build()
            \tpublic org.workforceiam.build.apidump.fixture.Widget$Builder label(java.lang.String)

            public class org.workforceiam.build.apidump.fixture.Widget$Part
            \tpublic <init>(int)

            public enum org.workforceiam.build.apidump.fixture.Widget$Size
            \tenum constant LARGE
            \tenum constant SMALL
            \tpublic java.lang.String symbol()
            \tpublic static org.workforceiam.build.apidump.fixture.Widget$Size valueOf(java.lang.String)
            \tpublic static org.workforceiam.build.apidump.fixture.Widget$Size[] values()
            """);
  }

  @Test
  void rendersGenericSignaturesWithBoundsWildcardsVarargsAndThrows() throws Exception {
    assertThat(block(fixtureDump(), "Catalog"))
        .startsWith(
            "public interface org.workforceiam.build.apidump.fixture.Catalog"
                + "<T extends java.lang.Comparable<? super T>>")
        .contains(
            "\tpublic abstract java.util.Optional<T> find(java.lang.String)"
                + " throws java.io.IOException")
        .contains("\tpublic default java.util.List<T> findAll(java.lang.String...)");
  }

  @Test
  void nestedTypesFollowTheirOwnerAndAnonymousOrHiddenOnesAreLeftOut() throws Exception {
    assertThat(ApiDump.parse(fixtureDump()).keySet())
        .filteredOn(name -> name.startsWith(FIXTURE + ".Widget"))
        .containsExactly(
            FIXTURE + ".Widget",
            FIXTURE + ".Widget$Builder",
            FIXTURE + ".Widget$Part",
            FIXTURE + ".Widget$Size");
  }

  @Test
  void leavesOutBridgeSyntheticPrivateAndPackagePrivateMembers() throws Exception {
    String dump = fixtureDump();

    assertThat(dump)
        .doesNotContain("compareTo(java.lang.Object)")
        .doesNotContain("lambda$")
        .doesNotContain("$VALUES")
        .doesNotContain("packagePrivate")
        .doesNotContain("HiddenShape")
        .doesNotContain("Widget$Hidden")
        .doesNotContain("Widget$Size$1");
  }

  @Test
  void showsWhatAPublicTypeInheritsFromAPackagePrivateBaseAsItsOwn() throws Exception {
    assertThat(block(fixtureDump(), "Widget"))
        .contains("\tpublic java.lang.String describe()")
        .contains("\tpublic void run()")
        .contains(", java.lang.Runnable")
        .doesNotContain("WidgetBase")
        .doesNotContain("abstract int size()");
  }

  @Test
  void protectedMembersCountOnlyWhereUsersCanExtendTheType() throws Exception {
    String dump = fixtureDump();

    assertThat(block(dump, "Polygon"))
        .contains("\tprotected int corners", "\tprotected void draw()");
    assertThat(block(dump, "Widget")).doesNotContain("invisibleInAFinalClass", "tune()");
  }

  @Test
  void sealedTypesListOnlyTheirVisiblePermittedSubtypes() throws Exception {
    assertThat(block(fixtureDump(), "Shape"))
        .startsWith(
            "public sealed interface org.workforceiam.build.apidump.fixture.Shape permits "
                + "org.workforceiam.build.apidump.fixture.Circle, "
                + "org.workforceiam.build.apidump.fixture.Polygon, "
                + "org.workforceiam.build.apidump.fixture.Shape$Square\n");
  }

  @Test
  void excludedPackagesAndTheirSubpackagesAreLeftOut() throws Exception {
    Path classes = testClasses();
    ClassLoader loader = getClass().getClassLoader();

    assertThat(ApiDump.dump(classes, loader, ApiDump.packages(classes, List.of(INTERNAL))))
        .contains("fixture.Widget")
        .doesNotContain("Plumbing");
    assertThat(ApiDump.dump(classes, loader, ApiDump.packages(classes, List.of(FIXTURE))))
        .isEmpty();
    assertThat(ApiDump.dump(classes, loader, ApiDump.packages(classes, List.of())))
        .contains(
            "public final class "
                + INTERNAL
                + ".Plumbing\n\tpublic <init>()\n\tpublic void leak()\n");
  }

  @Test
  void aModuleCountsOnlyThePackagesItExportsToEveryone() throws Exception {
    Path src = temp.resolve("src");
    write(
        src.resolve("module-info.java"),
        "module m { exports a; exports b to java.base; }"); // b: a qualified export
    write(src.resolve("a/A.java"), "package a; public class A { public void a() {} }");
    write(src.resolve("b/B.java"), "package b; public class B { public void b() {} }");
    write(src.resolve("c/C.java"), "package c; public class C { public void c() {} }");
    Path classes = temp.resolve("classes");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args;
    try (Stream<Path> files = Files.walk(src)) {
      args =
          Stream.concat(
                  Stream.of("-d", classes.toString()),
                  files.filter(p -> p.toString().endsWith(".java")).map(Path::toString))
              .collect(Collectors.toList());
    }
    assertThat(javac.run(null, null, null, args.toArray(new String[0]))).isZero();

    try (URLClassLoader loader =
        new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, null)) {
      assertThat(ApiDump.dump(classes, loader, ApiDump.packages(classes, List.of())))
          .isEqualTo("public class a.A\n\tpublic <init>()\n\tpublic void a()\n");
    }
  }

  @Test
  void aDumpThatMatchesTheCodeHasNoDifference() {
    String dump = "public final class p.A\n\tpublic void a()\n";

    assertThat(ApiDump.difference("m", "api/m.api", dump, dump)).isEmpty();
    assertThat(ApiDump.difference("m", "api/m.api", dump.replace("\n", "\r\n"), dump)).isEmpty();
  }

  @Test
  void aDifferenceShowsRemovedAndAddedLinesUnderTheirTypeAndHowToUpdate() {
    String before =
        "public final class p.A\n\tpublic void a()\n\tpublic void b()\n\n"
            + "public final class p.B\n\tpublic void b()\n";
    String after =
        "public final class p.A\n\tpublic void a()\n\tpublic void c(int)\n\n"
            + "public final class p.B\n\tpublic void b()\n";

    Optional<String> difference =
        ApiDump.difference("workforce-iam-x", "x/api/x.api", before, after);

    assertThat(difference).isPresent();
    assertThat(difference.get())
        .contains("The public API of workforce-iam-x differs from its dump x/api/x.api.")
        .contains("  public final class p.A\n- \tpublic void b()\n+ \tpublic void c(int)\n")
        .doesNotContain("p.B")
        .contains("mvn -B -o -q verify -Dworkforceiam.updateApi=true");
  }

  @Test
  void aDifferenceShowsWholeTypesAddedRemovedOrRedeclared() {
    String before =
        "public class p.A\n\tpublic void a()\n\npublic final class p.Gone\n\tpublic void g()\n";
    String after =
        "public final class p.A\n\tpublic void a()\n\npublic interface p.New\n\tpublic abstract void n()\n";

    String difference = ApiDump.difference("m", "api/m.api", before, after).orElseThrow();

    assertThat(difference)
        .contains("- public class p.A\n+ public final class p.A\n")
        .contains("- public final class p.Gone\n- \tpublic void g()\n")
        .contains("+ public interface p.New\n+ \tpublic abstract void n()\n");
  }

  @Test
  void aMissingDumpIsReportedWithHowToCreateIt() {
    assertThat(ApiDump.difference("m", "api/m.api", null, "public class p.A\n"))
        .hasValueSatisfying(
            message ->
                assertThat(message)
                    .contains("has no dump yet: api/m.api is missing")
                    .contains(ApiDump.UPDATE_COMMAND));
  }

  @Test
  void theSameDeclarationsInAnotherOrderStillDiffer() {
    String canonical = "public class p.A\n\tpublic void a()\n\tpublic void b()\n";
    String reordered = "public class p.A\n\tpublic void b()\n\tpublic void a()\n";

    assertThat(ApiDump.difference("m", "api/m.api", reordered, canonical))
        .hasValueSatisfying(
            message -> assertThat(message).contains("not in the dump's order or layout"));
  }

  @Test
  void theBudgetCountsTopLevelTypesOfAllDumpsButNotNestedOnes() {
    Map<String, String> dumps = new LinkedHashMap<>();
    dumps.put(
        "core.api", "public class p.A\n\npublic static class p.A$Builder\n\npublic enum p.B\n");
    dumps.put("okta.api", "public final class q.C\n\tpublic void c()\n");

    assertThat(ApiDump.topLevelTypes(dumps)).containsOnlyKeys("p.A", "p.B", "q.C");
    assertThat(ApiDump.overBudget(3, dumps)).isEmpty();
  }

  @Test
  void overTheBudgetTheMessageListsTheTypes() {
    Map<String, String> dumps = new LinkedHashMap<>();
    dumps.put("core.api", "public class p.A\n\npublic enum p.B\n");
    dumps.put("okta.api", "public final class q.C\n");

    assertThat(ApiDump.overBudget(2, dumps))
        .hasValueSatisfying(
            message ->
                assertThat(message)
                    .contains("core.api + okta.api declare 3 public top-level types; at most 2")
                    .contains("  p.A  (core.api)\n  p.B  (core.api)\n  q.C  (okta.api)\n"));
  }

  @Test
  void updateWritesTheDumpThatTheCheckThenAccepts() throws Exception {
    Path dump = temp.resolve("api/fixture.api");

    Result update = run("--update=true", "--dump=" + dump);
    Result check = run("--dump=" + dump);

    assertThat(update.status).isZero();
    assertThat(update.out).contains("wrote " + dump);
    assertThat(Files.readString(dump, UTF_8)).isEqualTo(fixtureDump());
    assertThat(check.status).isZero();
    assertThat(check.err).isEmpty();
  }

  @Test
  void theCheckFailsWhenTheCodeAndTheDumpDiffer() throws Exception {
    Path dump = temp.resolve("fixture.api");
    write(dump, fixtureDump().replace("\tpublic void run()\n", "\tpublic void stop()\n"));

    Result check = run("--module=workforce-iam-fixture", "--dump=" + dump);

    assertThat(check.status).isEqualTo(1);
    assertThat(check.err)
        .contains("The public API of workforce-iam-fixture differs from its dump")
        .contains("- \tpublic void stop()\n+ \tpublic void run()\n");
  }

  @Test
  void overTheBudgetTheCheckFailsOnlyWhenTheBudgetIsEnforced() throws Exception {
    Path dump = temp.resolve("fixture.api");
    write(dump, fixtureDump());
    String budget = "--budget-dumps=" + dump;

    Result reported = run("--dump=" + dump, budget, "--budget-max=3");
    Result enforced = run("--dump=" + dump, budget, "--budget-max=3", "--budget-enforce=true");
    Result within = run("--dump=" + dump, budget, "--budget-max=5", "--budget-enforce=true");

    assertThat(reported.status).isZero();
    assertThat(reported.out)
        .contains("5 public top-level types in fixture.api (at most 3; not enforced");
    assertThat(enforced.status).isEqualTo(1);
    assertThat(enforced.err).contains("declare 5 public top-level types; at most 3");
    assertThat(within.status).isZero();
  }

  @Test
  void aMissingOptionIsAUsageError() {
    Result result = run0("--classes=" + temp);

    assertThat(result.status).isEqualTo(2);
    assertThat(result.err).contains("--dump is required");
  }

  private Result run(String... extra) throws URISyntaxException {
    return run0(
        Stream.concat(
                Stream.of("--classes=" + testClasses(), "--exclude=" + INTERNAL), Stream.of(extra))
            .toArray(String[]::new));
  }

  private static Result run0(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        ApiDump.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    return new Result(status, out.toString(UTF_8), err.toString(UTF_8));
  }

  private static final class Result {
    final int status;
    final String out;
    final String err;

    Result(int status, String out, String err) {
      this.status = status;
      this.out = out;
      this.err = err;
    }
  }

  private static String fixtureDump() throws Exception {
    Path classes = testClasses();
    return ApiDump.dump(
        classes,
        ApiDumpTest.class.getClassLoader(),
        ApiDump.packages(classes, List.of(INTERNAL)).and(p -> p.startsWith(FIXTURE)));
  }

  /** The fixture type's line and member lines, as in the dump. */
  private static String block(String dump, String simpleName) {
    ApiDump.Block block = ApiDump.parse(dump).get(FIXTURE + "." + simpleName);
    assertThat(block).as("the block of %s in%n%s", simpleName, dump).isNotNull();
    return block.members.stream()
        .map(m -> "\t" + m + "\n")
        .collect(Collectors.joining("", block.header + "\n", ""));
  }

  private static Path testClasses() throws URISyntaxException {
    return Path.of(Widget.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, UTF_8);
  }
}
