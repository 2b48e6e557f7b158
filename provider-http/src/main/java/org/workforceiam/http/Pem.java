package org.workforceiam.http;

import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;

/**
 * Reads and writes PEM (RFC 7468) blocks: private keys, certificates. Reading treats the text as
 * hostile: a damaged block is refused with {@link IamException.InvalidConfiguration}, whose message
 * names the source and the fix and never quotes any of the block's body (which may be a key).
 */
public final class Pem {
  /** A PEM label as RFC 7468 allows it, on the header line: never a piece of the body. */
  private static final Pattern LABEL = Pattern.compile("[A-Z0-9]+(?:[ -][A-Z0-9]+)*");

  private static final String BEGIN = "-----BEGIN ";

  private Pem() {}

  /**
   * One PEM block: its label and the DER bytes of its body. {@link #toString()} shows the label.
   */
  public static final class Block {
    private final String label;
    private final byte[] der;

    private Block(String label, byte[] der) {
      this.label = label;
      this.der = der;
    }

    /** {@return the label, such as {@code PRIVATE KEY} or {@code CERTIFICATE}} */
    public String label() {
      return label;
    }

    /** {@return a copy of the body's bytes} */
    public byte[] der() {
      return der.clone();
    }

    /** {@return the label and size, never the body} */
    @Override
    public String toString() {
      return "Pem.Block{" + label + ", " + der.length + " bytes}";
    }
  }

  /**
   * Returns whether a text holds a PEM block at all.
   *
   * @param text the text
   * @return whether it contains a {@code -----BEGIN } line
   */
  public static boolean contains(String text) {
    return text.contains(BEGIN);
  }

  /**
   * Reads the first PEM block of a text; with {@code preferredLabel}, the first block with that
   * label if there is one (a file may hold a key and its certificate), else the first block.
   *
   * @param text the text
   * @param source how to name the text in messages, for example {@code "certificate file c.pem"}
   * @param preferredLabel the label to look for first, or empty for the first block
   * @param fixHint appended to the messages about a damaged block, such as {@code "; expected a PEM
   *     certificate (-----BEGIN CERTIFICATE-----)"}
   * @return the block
   * @throws IamException.InvalidConfiguration when there is no block, its header or footer is
   *     damaged, it is encrypted, or its body is not base64
   */
  public static Block read(String text, String source, String preferredLabel, String fixHint) {
    Objects.requireNonNull(text, "text == null");
    int begin = preferredLabel.isEmpty() ? -1 : text.indexOf(BEGIN + preferredLabel + "-----");
    if (begin < 0) {
      begin = text.indexOf(BEGIN);
    }
    if (begin < 0) {
      throw invalid(source + " holds no PEM block" + fixHint);
    }
    int labelEnd = text.indexOf("-----", begin + BEGIN.length());
    if (labelEnd < 0) {
      throw invalid(source + " has a damaged PEM header" + fixHint);
    }
    String label = text.substring(begin + BEGIN.length(), labelEnd).strip();
    if (!LABEL.matcher(label).matches()) {
      // Not quoted: without its closing dashes, the "label" runs on into the body itself.
      throw invalid(source + " has a damaged PEM header" + fixHint);
    }
    String footer = "-----END " + label + "-----";
    int end = text.indexOf(footer, labelEnd + 5);
    if (end < 0) {
      throw invalid(
          source
              + " is truncated: the PEM block has no '"
              + footer
              + "' line; copy the whole file");
    }
    String body = text.substring(labelEnd + 5, end);
    if ((body.contains("Proc-Type:") && body.contains("ENCRYPTED"))
        || label.equals("ENCRYPTED PRIVATE KEY")) {
      throw invalid(
          source
              + " is encrypted with a passphrase, which is not supported; decrypt it, for example"
              + " with: openssl pkcs8 -topk8 -nocrypt -in encrypted.pem -out key.pem");
    }
    byte[] der;
    try {
      der = Base64.getDecoder().decode(body.replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw invalid(source + " is damaged: its PEM body is not valid base64");
    }
    if (der.length == 0) {
      throw invalid(source + " is damaged: its PEM block is empty" + fixHint);
    }
    return new Block(label, der);
  }

  /**
   * Writes one PEM block: base64 in lines of 64 characters, {@code \n} line ends.
   *
   * @param label the label, such as {@code PRIVATE KEY}
   * @param der the body
   * @return the block, ending with a line end
   */
  public static String write(String label, byte[] der) {
    Objects.requireNonNull(label, "label == null");
    Objects.requireNonNull(der, "der == null");
    if (!LABEL.matcher(label).matches()) {
      throw new IllegalArgumentException("not a PEM label: " + label);
    }
    return BEGIN
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }

  private static IamException.InvalidConfiguration invalid(String message) {
    return new IamException.InvalidConfiguration(message, ErrorDetails.none());
  }
}
