using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NegLR.Experiments.Tests;

/// <summary>
/// A JSON Schema (2020-12) validator for the keywords summary.schema.json uses: type (single or list), properties,
/// required, additionalProperties (false or a schema), items, enum, minimum, maximum, minItems, maxItems, pattern and
/// local $ref into $defs. Returns every violation with its JSON path.
/// </summary>
internal static class SchemaValidator
{
    public static List<string> Validate(JsonElement schemaRoot, JsonElement instance)
    {
        var errors = new List<string>();
        Check(schemaRoot, schemaRoot, instance, "$", errors);
        return errors;
    }

    private static void Check(JsonElement root, JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            string r = reference.GetString()!;
            if (!r.StartsWith("#/$defs/", StringComparison.Ordinal))
            {
                throw new NotSupportedException($"Only local $defs references are supported, not {r}.");
            }

            Check(root, root.GetProperty("$defs").GetProperty(r["#/$defs/".Length..]), value, path, errors);
            return;
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var allowed = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : new List<string> { type.GetString()! };
            if (!allowed.Any(t => Is(value, t)))
            {
                errors.Add($"{path}: expected {string.Join(" or ", allowed)}, got {value.ValueKind}");
                return;
            }
        }

        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(o, value)))
        {
            errors.Add($"{path}: {value.GetRawText()} is not one of {options.GetRawText()}");
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            double v = value.GetDouble();
            if (schema.TryGetProperty("minimum", out var min) && v < min.GetDouble())
            {
                errors.Add($"{path}: {v} < minimum {min.GetDouble()}");
            }

            if (schema.TryGetProperty("maximum", out var max) && v > max.GetDouble())
            {
                errors.Add($"{path}: {v} > maximum {max.GetDouble()}");
            }
        }

        if (value.ValueKind == JsonValueKind.String && schema.TryGetProperty("pattern", out var pattern)
            && !Regex.IsMatch(value.GetString()!, pattern.GetString()!))
        {
            errors.Add($"{path}: '{value.GetString()}' does not match {pattern.GetString()}");
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            int count = value.GetArrayLength();
            if (schema.TryGetProperty("minItems", out var minItems) && count < minItems.GetInt32())
            {
                errors.Add($"{path}: {count} items < minItems {minItems.GetInt32()}");
            }

            if (schema.TryGetProperty("maxItems", out var maxItems) && count > maxItems.GetInt32())
            {
                errors.Add($"{path}: {count} items > maxItems {maxItems.GetInt32()}");
            }

            if (schema.TryGetProperty("items", out var items))
            {
                int i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Check(root, items, item, $"{path}[{i++}]", errors);
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                {
                    if (!value.TryGetProperty(name, out _))
                    {
                        errors.Add($"{path}: missing required property '{name}'");
                    }
                }
            }

            foreach (var member in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(member.Name, out var sub))
                {
                    Check(root, sub, member.Value, $"{path}.{member.Name}", errors);
                }
                else if (schema.TryGetProperty("additionalProperties", out var extra))
                {
                    if (extra.ValueKind == JsonValueKind.False)
                    {
                        errors.Add($"{path}: unexpected property '{member.Name}'");
                    }
                    else if (extra.ValueKind == JsonValueKind.Object)
                    {
                        Check(root, extra, member.Value, $"{path}.{member.Name}", errors);
                    }
                }
            }
        }
    }

    private static bool Is(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        _ => throw new NotSupportedException($"Unknown JSON Schema type '{type}'."),
    };
}
