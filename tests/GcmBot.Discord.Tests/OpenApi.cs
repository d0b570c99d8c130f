using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace GcmBot.Discord.Tests;

/// <summary>
/// Validates request bodies against Discord's OpenAPI description (tests/reference/discord-openapi.json)
/// with NJsonSchema. The spec is OpenAPI 3.1 (JSON Schema 2020-12) with <c>#/components/schemas</c> refs:
/// each request schema is validated as the root of a document that carries the spec's component schemas
/// as <c>definitions</c> (refs rewritten to match, which NJsonSchema resolves), so every ref resolves. NJsonSchema does not know <c>const</c>, which the spec uses to tell oneOf branches
/// apart; it is rewritten as the one-value <c>enum</c> it is defined to equal.
/// </summary>
public static class OpenApi
{
    private static readonly Lazy<JsonObject> _spec = new(() => (JsonObject)Rewrite(JsonNode.Parse(File.ReadAllText(SpecPath()))!));
    private const string ComponentsPrefix = "#/components/schemas/";
    private static readonly Dictionary<string, JsonSchema> _schemas = [];

    /// <summary>The locales Discord accepts as keys of <c>name_localizations</c> and <c>description_localizations</c> (<c>AvailableLocalesEnum</c>).</summary>
    public static IReadOnlySet<string> Locales() => _locales.Value;

    private static readonly Lazy<IReadOnlySet<string>> _locales = new(() =>
        JsonNode.Parse(File.ReadAllText(SpecPath()))!["components"]!["schemas"]!["AvailableLocalesEnum"]!["oneOf"]!.AsArray()
            .Select(l => l!["const"]!.GetValue<string>()).ToHashSet());

    /// <summary>tests/reference/discord-openapi.json, copied next to the test assembly.</summary>
    public static string SpecPath() => Path.Combine(AppContext.BaseDirectory, "reference", "discord-openapi.json");

    /// <summary>The validation errors of a JSON body sent with <paramref name="method"/> to <paramref name="path"/> (after /api/v10).</summary>
    public static IReadOnlyList<string> Validate(string method, string path, string body)
    {
        var schema = SchemaFor(method, path);
        return [.. schema.Validate(body).Select(e => $"{e.Path}: {e.Kind} {e}")];
    }

    private static JsonSchema SchemaFor(string method, string path)
    {
        var (template, operation) = Find(method, path);
        var key = $"{method} {template}";
        lock (_schemas)
        {
            if (!_schemas.TryGetValue(key, out var schema))
            {
                var root = operation["requestBody"]!["content"]!["application/json"]!["schema"]!.DeepClone().AsObject();
                root["definitions"] = _spec.Value["components"]!["schemas"]!.DeepClone();
                schema = JsonSchema.FromJsonAsync(root.ToJsonString()).GetAwaiter().GetResult();
                _schemas[key] = schema;
            }

            return schema;
        }
    }

    private static (string Template, JsonNode Operation) Find(string method, string path)
    {
        foreach (var (template, item) in _spec.Value["paths"]!.AsObject())
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(template), @"\\\{[a-z_]+}", "[^/]+") + "$";
            if (Regex.IsMatch(path, pattern) && item![method.ToLowerInvariant()] is { } operation)
            {
                return (template, operation);
            }
        }

        throw new InvalidOperationException($"No {method} {path} in Discord's OpenAPI description");
    }

    private static JsonNode Rewrite(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            if (obj["$ref"] is JsonValue reference && reference.GetValue<string>().StartsWith(ComponentsPrefix, StringComparison.Ordinal))
            {
                obj["$ref"] = "#/definitions/" + reference.GetValue<string>()[ComponentsPrefix.Length..];
            }

            if (obj["const"] is { } value)
            {
                obj.Remove("const");
                obj["enum"] = new JsonArray(value.DeepClone());
            }

            foreach (var (_, child) in obj.ToList())
            {
                if (child is not null)
                {
                    Rewrite(child);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                if (child is not null)
                {
                    Rewrite(child);
                }
            }
        }

        return node;
    }
}
