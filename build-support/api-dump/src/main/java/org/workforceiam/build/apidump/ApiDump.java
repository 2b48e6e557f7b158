package org.workforceiam.build.apidump;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes and checks the text dump of a library module's public API ({@code api/<artifactId>.api}),
 * so that every change of the API is a visible diff in review, as OkHttp's {@code api/} files and
 * Kotlin's binary-compatibility validator do.
 *
 * <p>The dump has one block per public or protected type, sorted by binary name (a nested type
 * follows its owner): the type's line (modifiers, kind, name, type parameters, visible supertypes,
 * visible permitted subtypes), then one tab-indented line per public or protected member (enum
 * constants, fields, constructors as {@code <init>}, methods with their generic signatures, record
 * components as their accessors), sorted by kind and name. Synthetic and bridge members are left
 * out; public members that a public type inherits from a package-private ancestor are shown as its
 * own. Only packages that the module exports count (all packages when it has no {@code
 * module-info}), less the packages excluded by {@code --exclude}.
 *
 * <p>The parent pom runs this file with the JDK's single-file source launcher ({@code java
 * ApiDump.java ...}) in the {@code verify} phase of every module that sets {@code
 * workforceiam.apiDump.skip=false}; no module depends on it, and it depends on nothing but the JDK.
 * Options, each {@code --name=value} or {@code --name value}:
 *
 * <ul>
 *   <li>{@code --module}: the artifact id, for messages;
 *   <li>{@code --classes}: the module's compiled classes;
 *   <li>{@code --classpath}: the module's compile class path (to load its classes);
 *   <li>{@code --dump}: the dump file;
 *   <li>{@code --exclude}: comma-separated packages left out, with their subpackages;
 *   <li>{@code --update}: {@code true} rewrites the dump instead of checking it;
 *   <li>{@code --budget-dumps}, {@code --budget-max}, {@code --budget-enforce}: the dumps whose
 *       public top-level types together may number at most {@code --budget-max}; when over, fail if
 *       {@code --budget-enforce=true}, otherwise only report.
 * </ul>
 */
public final class ApiDump {
  /** How to rewrite the dumps; printed with every difference. */
  static final String UPDATE_COMMAND = "mvn -B -o -q verify -Dworkforceiam.updateApi=true";

  private static final Pattern TYPE_NAME =
      Pattern.compile("(?:class|interface|enum|record|@interface) ([^\\s<]+)");
  private static final Pattern COMMA = Pattern.compile(",");

  private ApiDump() {}

  /**
   * Checks or rewrites one module's dump; exits with status 1 when the check fails and 2 on a usage
   * error.
   *
   * @param args the options described in the class documentation
   */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs {@link #main} and returns its exit status instead of exiting. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> options;
    Path classes;
    Path dump;
    int budgetMax;
    try {
      options = options(args);
      classes = Path.of(required(options, "classes"));
      dump = Path.of(required(options, "dump"));
      budgetMax = Integer.parseInt(options.getOrDefault("budget-max", "0"));
    } catch (IllegalArgumentException e) {
      err.println("api-dump: " + e.getMessage());
      return 2;
    }
    String module = options.getOrDefault("module", String.valueOf(dump.getFileName()));
    boolean update = Boolean.parseBoolean(options.getOrDefault("update", "false"));

    String actual;
    try (URLClassLoader loader = loader(classes, options.getOrDefault("classpath", ""))) {
      actual = dump(classes, loader, packages(classes, list(options.get("exclude"))));
    } catch (IOException | ReflectiveOperationException | LinkageError e) {
      err.println("api-dump: cannot read the classes of " + module + " in " + classes + ": " + e);
      return 2;
    }

    boolean failed = false;
    try {
      String expected = Files.exists(dump) ? Files.readString(dump, UTF_8) : "";
      if (update) {
        if (normalize(expected).equals(actual)) {
          out.println("api-dump: " + dump + " is up to date");
        } else {
          Files.createDirectories(dump.toAbsolutePath().getParent());
          Files.writeString(dump, actual, UTF_8);
          out.println("api-dump: wrote " + dump);
        }
      } else {
        Optional<String> difference =
            difference(module, dump.toString(), Files.exists(dump) ? expected : null, actual);
        if (difference.isPresent()) {
          err.println(difference.get());
          failed = true;
        }
      }

      List<String> budgetDumps = list(options.get("budget-dumps"));
      if (!budgetDumps.isEmpty()) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String path : budgetDumps) {
          Path p = Path.of(path);
          texts.put(
              String.valueOf(p.getFileName()), Files.exists(p) ? Files.readString(p, UTF_8) : "");
        }
        boolean enforce = Boolean.parseBoolean(options.getOrDefault("budget-enforce", "false"));
        Optional<String> over = overBudget(budgetMax, texts);
        if (over.isPresent() && enforce) {
          err.println(over.get());
          failed = true;
        } else {
          out.println(
              "api-dump: "
                  + topLevelTypes(texts).size()
                  + " public top-level types in "
                  + String.join(" + ", texts.keySet())
                  + " (at most "
                  + budgetMax
                  + (enforce ? ")" : "; not enforced, see workforceiam.apiBudget.enforce)"));
        }
      }
    } catch (IOException e) {
      err.println("api-dump: " + e);
      return 2;
    }
    return failed ? 1 : 0;
  }

  /** The dump of the API types among the classes in {@code classes}, loaded by {@code loader}. */
  static String dump(Path classes, ClassLoader loader, Predicate<String> packages)
      throws IOException, ClassNotFoundException {
    Set<String> names = classNames(classes);
    List<Class<?>> types = new ArrayList<>();
    for (String name : names) {
      types.add(Class.forName(name, false, loader));
    }
    return new Dumper(names, packages).dump(types);
  }

  /**
   * Which packages count: those the module exports to everyone, if {@code classes} has a {@code
   * module-info.class}, less {@code excluded} and their subpackages.
   */
  static Predicate<String> packages(Path classes, List<String> excluded) throws IOException {
    Path moduleInfo = classes.resolve("module-info.class");
    Set<String> exported;
    if (Files.exists(moduleInfo)) {
      try (InputStream in = Files.newInputStream(moduleInfo)) {
        exported =
            ModuleDescriptor.read(in).exports().stream()
                .filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
      }
    } else {
      exported = Set.of();
    }
    boolean all = !Files.exists(moduleInfo);
    return pkg ->
        (all || exported.contains(pkg))
            && excluded.stream().noneMatch(x -> pkg.equals(x) || pkg.startsWith(x + "."));
  }

  /**
   * What differs between the checked-in dump ({@code expected}, null when there is none) and the
   * dump of the code, as a message for the build log; empty when they match.
   */
  static Optional<String> difference(
      String module, String dumpPath, String expected, String actual) {
    if (expected != null && normalize(expected).equals(actual)) {
      return Optional.empty();
    }
    StringBuilder b = new StringBuilder();
    if (expected == null) {
      b.append("The public API of ")
          .append(module)
          .append(" has no dump yet: ")
          .append(dumpPath)
          .append(" is missing.\n");
    } else {
      b.append("The public API of ")
          .append(module)
          .append(" differs from its dump ")
          .append(dumpPath)
          .append(".\n")
          .append("Lines with - are in the dump, not in the code; lines with + are in the code,")
          .append(" not in the dump.\n\n");
      Map<String, Block> before = parse(expected);
      Map<String, Block> after = parse(actual);
      Set<String> names = new TreeSet<>(before.keySet());
      names.addAll(after.keySet());
      int changes = 0;
      for (String name : names) {
        Block was = before.get(name);
        Block is = after.get(name);
        if (was == null || is == null) {
          Block block = was == null ? is : was;
          String sign = was == null ? "+ " : "- ";
          b.append(sign).append(block.header).append('\n');
          for (String member : block.members) {
            b.append(sign).append('\t').append(member).append('\n');
          }
          changes++;
          continue;
        }
        List<String> removed = new ArrayList<>(was.members);
        removed.removeAll(is.members);
        List<String> added = new ArrayList<>(is.members);
        added.removeAll(was.members);
        boolean headerChanged = !was.header.equals(is.header);
        if (!headerChanged && removed.isEmpty() && added.isEmpty()) {
          continue;
        }
        if (headerChanged) {
          b.append("- ").append(was.header).append('\n');
          b.append("+ ").append(is.header).append('\n');
        } else {
          b.append("  ").append(is.header).append('\n');
        }
        for (String member : removed) {
          b.append("- \t").append(member).append('\n');
        }
        for (String member : added) {
          b.append("+ \t").append(member).append('\n');
        }
        changes++;
      }
      if (changes == 0) {
        b.append("The same declarations, but not in the dump's order or layout.\n");
      }
      b.append('\n');
    }
    b.append("If the change is intended, rewrite the dumps and commit them with the change:\n  ")
        .append(UPDATE_COMMAND)
        .append('\n');
    return Optional.of(b.toString());
  }

  /**
   * A message listing the public top-level types of {@code dumps} (file name to dump text) when
   * they are more than {@code max}; empty otherwise. Nested types do not count.
   */
  static Optional<String> overBudget(int max, Map<String, String> dumps) {
    Map<String, List<String>> types = topLevelTypes(dumps);
    if (types.size() <= max) {
      return Optional.empty();
    }
    StringBuilder b = new StringBuilder();
    b.append(String.join(" + ", dumps.keySet()))
        .append(" declare ")
        .append(types.size())
        .append(" public top-level types; at most ")
        .append(max)
        .append(" are allowed (workforceiam.apiBudget.max).\n")
        .append("Make ")
        .append(types.size() - max)
        .append(" of them package-private, nest them in the type they serve, or move them out of")
        .append(" the exported packages:\n");
    types.forEach(
        (type, files) ->
            b.append("  ").append(type).append("  (").append(files.get(0)).append(")\n"));
    return Optional.of(b.toString());
  }

  /** The public top-level types of {@code dumps}, sorted, each with the dump that declares it. */
  static Map<String, List<String>> topLevelTypes(Map<String, String> dumps) {
    Map<String, List<String>> types = new TreeMap<>();
    dumps.forEach(
        (file, text) -> {
          for (String name : parse(text).keySet()) {
            if (name.indexOf('$') < 0) {
              types.computeIfAbsent(name, n -> new ArrayList<>()).add(file);
            }
          }
        });
    return types;
  }

  /** The blocks of a dump text by type name. */
  static Map<String, Block> parse(String text) {
    Map<String, Block> blocks = new LinkedHashMap<>();
    Block current = null;
    for (String line : normalize(text).split("\n", -1)) {
      if (line.isBlank()) {
        continue;
      }
      if (Character.isWhitespace(line.charAt(0))) {
        if (current != null) {
          current.members.add(line.strip());
        }
        continue;
      }
      Matcher m = TYPE_NAME.matcher(line);
      String name = m.find() ? m.group(1) : line;
      current = new Block(line.strip());
      blocks.put(name, current);
    }
    return blocks;
  }

  private static String normalize(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static Set<String> classNames(Path classes) throws IOException {
    try (Stream<Path> files = Files.walk(classes)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".class"))
          .map(p -> classes.relativize(p).toString())
          .filter(n -> !n.startsWith("META-INF"))
          .filter(n -> !n.endsWith("module-info.class") && !n.endsWith("package-info.class"))
          .map(n -> n.substring(0, n.length() - ".class".length()).replace(File.separatorChar, '.'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static URLClassLoader loader(Path classes, String classpath) throws IOException {
    List<URL> urls = new ArrayList<>();
    urls.add(url(classes));
    for (String entry : classpath.split(Pattern.quote(File.pathSeparator), -1)) {
      if (!entry.isBlank()) {
        urls.add(url(Path.of(entry)));
      }
    }
    return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
  }

  private static URL url(Path path) throws MalformedURLException {
    return path.toAbsolutePath().toUri().toURL();
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + arg);
      }
      int eq = arg.indexOf('=');
      if (eq > 0) {
        options.put(arg.substring(2, eq), arg.substring(eq + 1));
      } else if (i + 1 < args.length) {
        options.put(arg.substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException(arg + " needs a value");
      }
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  private static List<String> list(String commaSeparated) {
    if (commaSeparated == null) {
      return List.of();
    }
    return COMMA
        .splitAsStream(commaSeparated)
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toList());
  }

  /** One type of a parsed dump: its line and its members' lines. */
  static final class Block {
    final String header;
    final List<String> members = new ArrayList<>();

    Block(String header) {
      this.header = header;
    }
  }

  /** Renders the API types of one module. */
  private static final class Dumper {
    private final Set<String> moduleClasses;
    private final Predicate<String> packages;

    Dumper(Set<String> moduleClasses, Predicate<String> packages) {
      this.moduleClasses = moduleClasses;
      this.packages = packages;
    }

    String dump(List<Class<?>> classes) {
      Map<String, Class<?>> types = new TreeMap<>();
      for (Class<?> c : classes) {
        if (isApi(c)) {
          types.put(c.getName(), c);
        }
      }
      StringBuilder b = new StringBuilder();
      for (Class<?> type : types.values()) {
        if (b.length() > 0) {
          b.append('\n');
        }
        b.append(header(type)).append('\n');
        for (String member : members(type)) {
          b.append('\t').append(member).append('\n');
        }
      }
      return b.toString();
    }

    /** Whether {@code c} is one of the module's API types. */
    boolean isApi(Class<?> c) {
      return !c.isSynthetic()
          && !c.isAnonymousClass()
          && !c.isLocalClass()
          && packages.test(c.getPackageName())
          && isAccessible(c);
    }

    /** Whether users can name {@code c}: API types of this module, accessible types of others. */
    boolean isVisible(Class<?> c) {
      Class<?> top = c;
      while (top.isArray()) {
        top = top.getComponentType();
      }
      if (top.isPrimitive()) {
        return true;
      }
      return moduleClasses.contains(top.getName()) ? isApi(top) : isAccessible(top);
    }

    static boolean isAccessible(Class<?> c) {
      int m = c.getModifiers();
      Class<?> owner = c.getDeclaringClass();
      if (owner == null) {
        return Modifier.isPublic(m);
      }
      return isAccessible(owner)
          && (Modifier.isPublic(m) || (Modifier.isProtected(m) && isExtensible(owner)));
    }

    /** Whether code outside the package may extend {@code c}, and so see its protected members. */
    static boolean isExtensible(Class<?> c) {
      return !c.isInterface()
          && !c.isEnum()
          && !c.isRecord()
          && !c.isSealed()
          && !Modifier.isFinal(c.getModifiers());
    }

    String header(Class<?> c) {
      int m = c.getModifiers();
      StringBuilder b = new StringBuilder(Modifier.isPublic(m) ? "public " : "protected ");
      String kind;
      if (c.isAnnotation()) {
        kind = "@interface";
      } else if (c.isInterface()) {
        kind = "interface";
      } else if (c.isEnum()) {
        kind = "enum";
      } else if (c.isRecord()) {
        kind = "record";
      } else {
        kind = "class";
        if (Modifier.isAbstract(m)) {
          b.append("abstract ");
        }
        if (c.getDeclaringClass() != null && Modifier.isStatic(m)) {
          b.append("static ");
        }
        if (Modifier.isFinal(m)) {
          b.append("final ");
        }
      }
      if (!c.isEnum() && !c.isRecord() && !c.isAnnotation()) {
        if (c.isSealed()) {
          b.append("sealed ");
        } else if (!Modifier.isFinal(m) && hasSealedParent(c)) {
          b.append("non-sealed ");
        }
      }
      b.append(kind).append(' ').append(c.getName()).append(typeParameters(c.getTypeParameters()));
      Set<String> supertypes = new TreeSet<>();
      for (Type t : directSupertypes(c)) {
        addVisibleSupertypes(t, supertypes);
      }
      if (!supertypes.isEmpty()) {
        b.append(" : ").append(String.join(", ", supertypes));
      }
      if (c.isSealed()) {
        Set<String> permitted = new TreeSet<>();
        for (Class<?> p : c.getPermittedSubclasses()) {
          if (isVisible(p)) {
            permitted.add(p.getName());
          }
        }
        if (!permitted.isEmpty()) {
          b.append(" permits ").append(String.join(", ", permitted));
        }
      }
      return b.toString();
    }

    private static boolean hasSealedParent(Class<?> c) {
      Class<?> superclass = c.getSuperclass();
      if (superclass != null && superclass.isSealed()) {
        return true;
      }
      return Arrays.stream(c.getInterfaces()).anyMatch(Class::isSealed);
    }

    /** The supertypes declared by {@code c}, less those implied by its kind. */
    private static List<Type> directSupertypes(Class<?> c) {
      List<Type> types = new ArrayList<>();
      Type superclass = c.getGenericSuperclass();
      if (superclass != null
          && !c.isEnum()
          && !c.isRecord()
          && !Object.class.equals(superclass)
          && !Enum.class.equals(raw(superclass))) {
        types.add(superclass);
      }
      for (Type t : c.getGenericInterfaces()) {
        if (!(c.isAnnotation() && java.lang.annotation.Annotation.class.equals(t))) {
          types.add(t);
        }
      }
      return types;
    }

    /** Adds {@code t} if users can name it, else the visible supertypes it brings. */
    private void addVisibleSupertypes(Type t, Set<String> out) {
      Class<?> raw = raw(t);
      if (isVisible(raw)) {
        out.add(type(t));
        return;
      }
      for (Type s : directSupertypes(raw)) {
        addVisibleSupertypes(s, out);
      }
    }

    /**
     * The member lines of {@code c}, sorted: its own, then those it inherits from ancestors that
     * users cannot name (which they reach through {@code c}), unless {@code c} overrides them.
     */
    List<String> members(Class<?> c) {
      Map<String, String> byKey = new HashMap<>();
      addMembers(c, c, false, byKey);
      Deque<Class<?>> hidden = new ArrayDeque<>();
      Set<Class<?>> seen = new HashSet<>();
      for (Type t : directSupertypes(c)) {
        hidden.add(raw(t));
      }
      while (!hidden.isEmpty()) {
        Class<?> ancestor = hidden.poll();
        if (!seen.add(ancestor) || isVisible(ancestor)) {
          continue;
        }
        addMembers(c, ancestor, true, byKey);
        for (Type t : directSupertypes(ancestor)) {
          hidden.add(raw(t));
        }
      }
      Map<String, String> sorted = new TreeMap<>();
      byKey.forEach((key, line) -> sorted.put(key + "\n" + line, line));
      return new ArrayList<>(sorted.values());
    }

    /**
     * Adds the visible members that {@code from} declares to {@code out}, keyed by kind, name and
     * erased parameters, so that a member already there (an override) wins.
     */
    private void addMembers(
        Class<?> owner, Class<?> from, boolean inherited, Map<String, String> out) {
      boolean protectedVisible = isExtensible(owner);
      for (Field f : from.getDeclaredFields()) {
        if (f.isSynthetic() || !isVisible(f.getModifiers(), protectedVisible)) {
          continue;
        }
        if (f.isEnumConstant()) {
          out.putIfAbsent("0 " + f.getName(), "enum constant " + f.getName());
        } else {
          out.putIfAbsent(
              "1 " + f.getName(),
              modifiers(f.getModifiers(), false) + type(f.getGenericType()) + " " + f.getName());
        }
      }
      if (!inherited) {
        for (Constructor<?> k : from.getDeclaredConstructors()) {
          if (k.isSynthetic() || !isVisible(k.getModifiers(), protectedVisible)) {
            continue;
          }
          out.putIfAbsent(
              "2 <init>(" + erased(k) + ")",
              modifiers(k.getModifiers(), false)
                  + typeParametersWithSpace(k.getTypeParameters())
                  + "<init>("
                  + parameters(k)
                  + ")"
                  + exceptions(k));
        }
      }
      for (Method m : from.getDeclaredMethods()) {
        if (m.isSynthetic()
            || m.isBridge()
            || !isVisible(m.getModifiers(), protectedVisible)
            || (inherited && from.isInterface() && Modifier.isStatic(m.getModifiers()))) {
          continue;
        }
        String modifiers = modifiers(m.getModifiers(), from.isInterface());
        if (m.isDefault()) {
          modifiers = modifiers + "default ";
        }
        out.putIfAbsent(
            "3 " + m.getName() + "(" + erased(m) + ")",
            modifiers
                + typeParametersWithSpace(m.getTypeParameters())
                + type(m.getGenericReturnType())
                + " "
                + m.getName()
                + "("
                + parameters(m)
                + ")"
                + exceptions(m));
      }
    }

    private static boolean isVisible(int modifiers, boolean protectedVisible) {
      return Modifier.isPublic(modifiers) || (protectedVisible && Modifier.isProtected(modifiers));
    }

    /** The modifiers that matter to callers and implementers, in the order Java writes them. */
    private static String modifiers(int m, boolean inInterface) {
      StringBuilder b = new StringBuilder(Modifier.isPublic(m) ? "public " : "protected ");
      if (Modifier.isAbstract(m)) {
        b.append("abstract ");
      }
      if (Modifier.isStatic(m)) {
        b.append("static ");
      }
      if (Modifier.isFinal(m) && !inInterface) {
        b.append("final ");
      }
      return b.toString();
    }

    private static String erased(Executable e) {
      return Arrays.stream(e.getParameterTypes())
          .map(Class::getName)
          .collect(Collectors.joining(","));
    }

    private static String parameters(Executable e) {
      List<String> rendered = new ArrayList<>();
      Parameter[] parameters = e.getParameters();
      for (int i = 0; i < parameters.length; i++) {
        Parameter p = parameters[i];
        // The outer instance of an inner class's constructor is implicit: callers write
        // outer.new Inner(...). Enum.valueOf's name is implicit too, but callers pass it.
        if (p.isSynthetic() || (e instanceof Constructor && i == 0 && p.isImplicit())) {
          continue;
        }
        Type t = p.getParameterizedType();
        if (e.isVarArgs() && i == parameters.length - 1) {
          String array = type(t);
          rendered.add(array.substring(0, array.length() - 2) + "...");
        } else {
          rendered.add(type(t));
        }
      }
      return String.join(", ", rendered);
    }

    private static String exceptions(Executable e) {
      Type[] thrown = e.getGenericExceptionTypes();
      if (thrown.length == 0) {
        return "";
      }
      return " throws "
          + Arrays.stream(thrown).map(Dumper::type).sorted().collect(Collectors.joining(", "));
    }

    private static String typeParametersWithSpace(TypeVariable<?>[] variables) {
      return variables.length == 0 ? "" : typeParameters(variables) + " ";
    }

    private static String typeParameters(TypeVariable<?>[] variables) {
      if (variables.length == 0) {
        return "";
      }
      List<String> rendered = new ArrayList<>();
      for (TypeVariable<?> v : variables) {
        Type[] bounds = v.getBounds();
        if (bounds.length == 1 && Object.class.equals(bounds[0])) {
          rendered.add(v.getName());
        } else {
          rendered.add(
              v.getName()
                  + " extends "
                  + Arrays.stream(bounds).map(Dumper::type).collect(Collectors.joining(" & ")));
        }
      }
      return "<" + String.join(", ", rendered) + ">";
    }

    /** A type as Java writes it, with binary names ({@code Outer$Inner}) for classes. */
    static String type(Type t) {
      if (t instanceof Class<?> c) {
        return c.isArray() ? type(c.getComponentType()) + "[]" : c.getName();
      }
      if (t instanceof ParameterizedType p) {
        Class<?> raw = raw(p);
        String base =
            p.getOwnerType() instanceof ParameterizedType owner
                ? type(owner) + "$" + raw.getSimpleName()
                : raw.getName();
        return base
            + "<"
            + Arrays.stream(p.getActualTypeArguments())
                .map(Dumper::type)
                .collect(Collectors.joining(", "))
            + ">";
      }
      if (t instanceof GenericArrayType a) {
        return type(a.getGenericComponentType()) + "[]";
      }
      if (t instanceof TypeVariable<?> v) {
        return v.getName();
      }
      if (t instanceof WildcardType w) {
        if (w.getLowerBounds().length > 0) {
          return "? super " + type(w.getLowerBounds()[0]);
        }
        Type upper = w.getUpperBounds()[0];
        return Object.class.equals(upper) ? "?" : "? extends " + type(upper);
      }
      throw new IllegalArgumentException("unknown kind of type: " + t);
    }

    static Class<?> raw(Type t) {
      if (t instanceof Class<?> c) {
        return c;
      }
      if (t instanceof ParameterizedType p) {
        return (Class<?>) p.getRawType();
      }
      throw new IllegalArgumentException("not a class type: " + t);
    }
  }
}
