import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ChoiceFormat;
import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads generated .properties bundles the way Java does and prints JSON.
 *
 * Usage: BundleReader [--plain KEYS_FILE] DIR BASE DEFAULT_TAG TAG...
 *
 * Every DIR/BASE*.properties file must be printable ASCII lines (no BOM, no
 * raw non-ASCII or control bytes), load with Properties.load(InputStream)
 * (ISO-8859-1) without repeated keys and with one key per non-comment line
 * (a stray trailing backslash joins lines), and give exactly the same entries
 * through PropertyResourceBundle over a strict UTF-8 Reader. Then, with the
 * JVM default locale set to DEFAULT_TAG, each TAG is resolved with
 * ResourceBundle.getBundle(BASE, Locale.forLanguageTag(TAG)) and every value
 * is parsed as a java.text.MessageFormat and formatted with argument i
 * replaced by the sentinel U+27E6 i U+27E7 (formats removed, so numbers print the
 * sentinel too); the format type of each argument is reported beside it.
 * With --plain, the keys listed in KEYS_FILE (one per line) are plain text,
 * not patterns (codebook's java.messageFormat "with-arguments" writes
 * messages without arguments so): their text is getString's, unformatted.
 * Any problem: message on stderr, exit status 1.
 *
 * Output: {"files":{NAME:{KEY:VALUE}},"bundles":{TAG:{"locale":TAG,"values":{KEY:{"text":T,"formats":[...]}}}}}
 */
public final class BundleReader {
  private static final class StrictProperties extends Properties {
    private static final long serialVersionUID = 1L;
    final List<Object> repeated = new ArrayList<>();

    @Override
    public synchronized Object put(Object key, Object value) {
      if (containsKey(key)) repeated.add(key);
      return super.put(key, value);
    }
  }

  public static void main(String[] argv) throws Exception {
    java.util.Set<String> plain = new java.util.HashSet<>();
    String[] args = argv;
    if (args.length > 1 && args[0].equals("--plain")) {
      plain.addAll(Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8));
      args = java.util.Arrays.copyOfRange(args, 2, args.length);
    }
    Path dir = Path.of(args[0]);
    String base = args[1];
    StringBuilder json = new StringBuilder("{\"files\":{");
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().matches(java.util.regex.Pattern.quote(base) + "(_[A-Za-z0-9_]+)?\\.properties")).sorted().toList();
    }
    if (files.isEmpty()) fail("no " + base + "*.properties in " + dir);
    String separator = "";
    for (Path file : files) {
      json.append(separator).append(quote(file.getFileName().toString())).append(':').append(object(checkFile(file)));
      separator = ",";
    }
    json.append("},\"bundles\":{");
    Locale.setDefault(Locale.forLanguageTag(args[2]));
    URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    for (int i = 3; i < args.length; i++) {
      Locale requested = Locale.forLanguageTag(args[i]);
      ResourceBundle bundle = ResourceBundle.getBundle(base, requested, loader);
      json.append(i > 3 ? "," : "").append(quote(args[i])).append(":{\"locale\":").append(quote(bundle.getLocale().toLanguageTag())).append(",\"values\":{");
      String comma = "";
      for (String key : new TreeSet<>(bundle.keySet())) {
        String value = bundle.getString(key);
        json.append(comma).append(quote(key)).append(':').append(plain.contains(key) ? "{\"text\":" + quote(value) + ",\"formats\":[]}" : formatted(key, value, requested));
        comma = ",";
      }
      json.append("}}");
    }
    System.out.println(json.append("}}"));
  }

  private static TreeMap<String, String> checkFile(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) fail(file + ": starts with a BOM");
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xFF;
      if (b != '\n' && (b < 0x20 || b > 0x7E)) fail(file + ": byte 0x" + Integer.toHexString(b) + " at offset " + i + " is not printable ASCII");
    }
    StrictProperties latin1 = new StrictProperties();
    latin1.load(new ByteArrayInputStream(bytes));
    if (!latin1.repeated.isEmpty()) fail(file + ": repeated keys " + latin1.repeated);
    long entryLines = new String(bytes, StandardCharsets.US_ASCII).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("!")).count();
    if (entryLines != latin1.size()) fail(file + ": " + entryLines + " entry lines but " + latin1.size() + " keys (a line continues into the next?)");
    Reader utf8 = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    PropertyResourceBundle bundle = new PropertyResourceBundle(utf8);
    TreeMap<String, String> entries = new TreeMap<>();
    for (String key : latin1.stringPropertyNames()) entries.put(key, latin1.getProperty(key));
    TreeMap<String, String> viaBundle = new TreeMap<>();
    for (String key : bundle.keySet()) viaBundle.put(key, bundle.getString(key));
    if (!entries.equals(viaBundle)) fail(file + ": Properties.load and PropertyResourceBundle disagree");
    return entries;
  }

  private static String formatted(String key, String pattern, Locale locale) {
    MessageFormat format;
    try {
      format = new MessageFormat(pattern, locale);
    } catch (IllegalArgumentException e) {
      fail("key " + key + ": not a MessageFormat pattern: " + e.getMessage());
      return null;
    }
    Format[] formats = format.getFormatsByArgumentIndex();
    StringBuilder types = new StringBuilder("[");
    for (int i = 0; i < formats.length; i++) {
      Format f = formats[i];
      String type = f == null ? "none" : f instanceof ChoiceFormat ? "choice" : f instanceof NumberFormat ? "number" : f instanceof DateFormat ? "date" : f.getClass().getName();
      types.append(i > 0 ? "," : "").append(quote(type));
      format.setFormatByArgumentIndex(i, null);
    }
    Object[] sentinels = new Object[Math.max(formats.length, 10)];
    for (int i = 0; i < sentinels.length; i++) sentinels[i] = "\u27E6" + i + "\u27E7";
    return "{\"text\":" + quote(format.format(sentinels)) + ",\"formats\":" + types.append(']') + "}";
  }

  private static String object(TreeMap<String, String> entries) {
    StringBuilder out = new StringBuilder("{");
    entries.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(quote(k)).append(':').append(quote(v)));
    return out.append('}').toString();
  }

  /** A JSON string; everything outside printable ASCII as a \\u escape, so the output is ASCII. */
  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20 || c > 0x7E) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append('"').toString();
  }

  private static void fail(String message) {
    System.err.println("BundleReader: " + message);
    System.exit(1);
  }
}
