package org.workforceiam.entra.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The simulator's OData filter parser reads what a correct client writes, and refuses the rest. */
class FilterProperties {
  @Provide
  Arbitrary<String> values() {
    return Arbitraries.strings().withChars("ab'@. \"%&=#é").ofMaxLength(30);
  }

  @Property(tries = 300, seed = "20261130")
  void aValueQuotedWithDoubledSingleQuotesReadsBackAsItself(@ForAll("values") String value) {
    String clause = "mail eq '" + value.replace("'", "''") + "'";

    assertThat(Odata.parseFilter(clause)).isEqualTo(new Odata.Filter("mail", value));
  }

  @Property(tries = 300, seed = "20261130")
  void aValueWithAnUndoubledQuoteNeverParsesAsTheSameValue(@ForAll("values") String value) {
    String clause = "mail eq '" + value + "'";
    if (value.contains("'")) {
      try {
        assertThat(Odata.parseFilter(clause).value()).isNotEqualTo(value);
      } catch (GraphError e) {
        assertThat(e.status).isEqualTo(400);
      }
    } else {
      assertThat(Odata.parseFilter(clause).value()).isEqualTo(value);
    }
  }

  @Property(tries = 300, seed = "20261130")
  void anyTextEitherParsesOrIsABadRequest(@ForAll String text) {
    try {
      Odata.parseFilter(text);
    } catch (GraphError e) {
      assertThat(e.status).isEqualTo(400);
      assertThat(e.code).isEqualTo("BadRequest");
    }
  }

  @Property(tries = 50, seed = "20261130")
  void trailingTextAfterTheClosingQuoteIsRefused(@ForAll("values") String value) {
    String clause = "mail eq '" + value.replace("'", "''") + "' or x";

    assertThatThrownBy(() -> Odata.parseFilter(clause)).isInstanceOf(GraphError.class);
  }
}
