package org.workforceiam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * An employee keeps no attribute, one, or a tree of them, and hands a builder's tree over instead
 * of copying it: whatever the shape, its attributes, {@code equals}, {@code hashCode} and {@code
 * toString} are those of the sorted map of every attribute added, and an employee built never
 * changes when its builder goes on.
 */
class EmployeeAttributesPropertiesTest {
  private static final UserId ADA = UserId.of("00u1Ada");

  @Property(seed = "20261601", tries = 300)
  void attributesAreTheSortedMapOfEveryAttributeAddedWhateverTheirNumber(
      @ForAll("additions") List<Map.Entry<String, String>> additions) {
    Employee.Builder builder = Employee.builder(ADA, "ada");
    TreeMap<String, String> expected = new TreeMap<>();
    for (Map.Entry<String, String> addition : additions) {
      builder.attribute(addition.getKey(), addition.getValue());
      expected.put(addition.getKey(), addition.getValue());
    }
    Employee built = builder.build();

    assertSameAttributes(built, expected);
    assertThat(built.hashCode())
        .isEqualTo(
            Objects.hash(
                ADA, "ada", null, null, null, EmployeeStatus.ACTIVE, "ACTIVE", null, expected));
    assertThat(built.toString())
        .isEqualTo(
            "Employee[id=00u1Ada, login=ada, firstName=Optional.empty, lastName=Optional.empty,"
                + " email=Optional.empty, status=ACTIVE, providerStatus=ACTIVE,"
                + " lastUpdated=Optional.empty, attributes="
                + expected
                + "]");
    Employee fromMap = fromMap(new LinkedHashMap<>(expected));
    assertSameAttributes(fromMap, expected);
    assertThat(fromMap).isEqualTo(built).hasSameHashCodeAs(built).hasToString(built.toString());
    assertThat(built.toBuilder().build()).isEqualTo(built).hasToString(built.toString());
  }

  @Property(seed = "20261602", tries = 300)
  void anEmployeeBuiltNeverChangesWhenItsBuilderGoesOn(
      @ForAll("additions") List<Map.Entry<String, String>> before,
      @ForAll("additions") List<Map.Entry<String, String>> after) {
    Employee.Builder builder = Employee.builder(ADA, "ada");
    before.forEach(a -> builder.attribute(a.getKey(), a.getValue()));
    Employee first = builder.build();
    Map<String, String> firstAttributes = new TreeMap<>(first.attributes());
    Employee again = builder.build();
    after.forEach(a -> builder.attribute(a.getKey(), a.getValue()));
    Employee second = builder.build();

    assertSameAttributes(first, firstAttributes);
    assertSameAttributes(again, firstAttributes);
    TreeMap<String, String> expected = new TreeMap<>(firstAttributes);
    after.forEach(a -> expected.put(a.getKey(), a.getValue()));
    assertSameAttributes(second, expected);
  }

  @Property(seed = "20261603", tries = 100)
  void attributesCannotBeChangedWhateverTheirNumber(
      @ForAll("additions") List<Map.Entry<String, String>> additions) {
    Employee.Builder builder = Employee.builder(ADA, "ada");
    additions.forEach(a -> builder.attribute(a.getKey(), a.getValue()));
    Employee built = builder.build();
    Employee fromMap = fromMap(new LinkedHashMap<>(built.attributes()));

    for (Employee employee : List.of(built, fromMap)) {
      assertThatThrownBy(() -> employee.attributes().put("title", "Countess"))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> employee.attributes().clear())
          .isInstanceOfAny(UnsupportedOperationException.class);
    }
  }

  private static void assertSameAttributes(Employee employee, Map<String, String> expected) {
    assertThat(employee.attributes()).isEqualTo(expected);
    assertThat(expected).isEqualTo(employee.attributes());
    assertThat(employee.attributes()).hasSameHashCodeAs(expected).hasToString(expected.toString());
    assertThat(new ArrayList<>(employee.attributes().entrySet()))
        .containsExactlyElementsOf(new ArrayList<>(expected.entrySet()));
  }

  private static Employee fromMap(Map<String, String> attributes) {
    return new Employee(
        ADA,
        "ada",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        EmployeeStatus.ACTIVE,
        "ACTIVE",
        Optional.empty(),
        attributes);
  }

  @Provide
  Arbitrary<List<Map.Entry<String, String>>> additions() {
    Arbitrary<String> names = Arbitraries.of("title", "department", "costCenter", "Title", "é", "");
    Arbitrary<String> values = Arbitraries.of("", "Countess", "Engineering", "x");
    Arbitrary<Map.Entry<String, String>> addition =
        names.flatMap(name -> values.map(value -> Map.entry(name, value)));
    return addition.list().ofMaxSize(5);
  }
}
