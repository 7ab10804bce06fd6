// Extracts JSON Schemas of the Kubernetes 1.31 objects the manifests use from the models of the official
// Kubernetes Java client (refresh-schemas.ts runs this with the classpath of pom.xml beside it): field
// names (@SerializedName), field types and required fields (openapiRequiredFields). Every object schema
// refuses unknown fields, as `kubectl apply` with its default strict field validation refuses them.
//
// Usage: java -cp <classpath> ExtractSchemas.java <output.json> <apiVersion/kind>=<model class>…
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

public class ExtractSchemas {
  private static final String MODELS = "io.kubernetes.client.openapi.models.";

  public static void main(String[] args) throws Exception {
    Path output = Path.of(args[0]);
    Map<String, String> kinds = new TreeMap<>();
    for (int i = 1; i < args.length; i++) {
      String[] pair = args[i].split("=", 2);
      kinds.put(pair[0], pair[1]);
    }
    Files.writeString(output, kubernetesSchema(kinds));
  }

  private static String kubernetesSchema(Map<String, String> kinds) throws Exception {
    Map<String, String> definitions = new TreeMap<>();
    Deque<Class<?>> pending = new ArrayDeque<>();
    for (String className : kinds.values()) pending.add(Class.forName(MODELS + className));
    while (!pending.isEmpty()) {
      Class<?> model = pending.pop();
      if (definitions.containsKey(model.getSimpleName())) continue;
      definitions.put(model.getSimpleName(), objectSchema(model, pending));
    }
    StringBuilder out = new StringBuilder("{\n  \"kinds\": {\n");
    appendEntries(out, kinds, value -> quote(value));
    out.append("  },\n  \"definitions\": {\n");
    appendEntries(out, definitions, value -> value);
    return out.append("  }\n}\n").toString();
  }

  private static void appendEntries(StringBuilder out, Map<String, String> entries, java.util.function.UnaryOperator<String> render) {
    int index = 0;
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      out.append("    ").append(quote(entry.getKey())).append(": ").append(render.apply(entry.getValue()));
      out.append(++index < entries.size() ? ",\n" : "\n");
    }
  }

  private static String objectSchema(Class<?> model, Deque<Class<?>> pending) throws Exception {
    Map<String, String> properties = new TreeMap<>();
    for (Field field : model.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())) continue;
      com.google.gson.annotations.SerializedName name = field.getAnnotation(com.google.gson.annotations.SerializedName.class);
      if (name == null) continue;
      properties.put(name.value(), typeSchema(field.getGenericType(), pending));
    }
    TreeSet<String> required = new TreeSet<>(staticSet(model, "openapiRequiredFields"));
    StringBuilder out = new StringBuilder("{\"type\": \"object\", \"additionalProperties\": false");
    if (!required.isEmpty()) {
      List<String> quoted = new ArrayList<>();
      for (String field : required) quoted.add(quote(field));
      out.append(", \"required\": [").append(String.join(", ", quoted)).append("]");
    }
    out.append(", \"properties\": {");
    List<String> rendered = new ArrayList<>();
    for (Map.Entry<String, String> property : properties.entrySet()) rendered.add(quote(property.getKey()) + ": " + property.getValue());
    return out.append(String.join(", ", rendered)).append("}}").toString();
  }

  @SuppressWarnings("unchecked")
  private static Collection<String> staticSet(Class<?> model, String name) throws Exception {
    try {
      return (Collection<String>) model.getField(name).get(null);
    } catch (NoSuchFieldException absent) {
      return List.of();
    }
  }

  private static String typeSchema(Type type, Deque<Class<?>> pending) {
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      Type[] arguments = parameterized.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw)) return "{\"type\": \"array\", \"items\": " + typeSchema(arguments[0], pending) + "}";
      if (Map.class.isAssignableFrom(raw)) return "{\"type\": \"object\", \"additionalProperties\": " + typeSchema(arguments[1], pending) + "}";
      throw new IllegalStateException("unexpected generic type " + type);
    }
    Class<?> type_ = (Class<?>) type;
    String name = type_.getName();
    switch (name) {
      case "java.lang.String":
      case "java.time.OffsetDateTime":
        return "{\"type\": \"string\"}";
      case "[B":
        return "{\"type\": \"string\", \"contentEncoding\": \"base64\"}";
      case "java.lang.Integer":
      case "java.lang.Long":
        return "{\"type\": \"integer\"}";
      case "java.lang.Float":
      case "java.lang.Double":
      case "java.math.BigDecimal":
        return "{\"type\": \"number\"}";
      case "java.lang.Boolean":
        return "{\"type\": \"boolean\"}";
      case "java.lang.Object":
        return "{}";
      case "io.kubernetes.client.custom.IntOrString":
        return "{\"type\": [\"integer\", \"string\"]}";
      case "io.kubernetes.client.custom.Quantity":
        return "{\"type\": [\"string\", \"number\"]}";
      default:
        break;
    }
    if (type_.isEnum()) {
      List<String> values = new ArrayList<>();
      for (Object constant : type_.getEnumConstants()) values.add(quote(enumValue(constant)));
      return "{\"type\": \"string\", \"enum\": [" + String.join(", ", values) + "]}";
    }
    if (!name.startsWith(MODELS)) throw new IllegalStateException("unexpected field type " + name);
    pending.add(type_);
    return "{\"$ref\": \"#/definitions/" + type_.getSimpleName() + "\"}";
  }

  private static String enumValue(Object constant) {
    try {
      return String.valueOf(constant.getClass().getMethod("getValue").invoke(constant));
    } catch (ReflectiveOperationException noValue) {
      return constant.toString();
    }
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
