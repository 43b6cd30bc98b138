using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;

namespace NegLR.Experiments.Cli;

/// <summary>
/// The values of one verb's options after System.CommandLine parsed and type-checked them, read by option name (the
/// verbs' configuration classes read their options this way, so the option table stays their single description).
/// </summary>
internal sealed class ParsedArguments
{
    private readonly ParseResult _result;
    private readonly Dictionary<string, Option> _options;

    public ParsedArguments(ParseResult result, IEnumerable<Option> options)
    {
        _result = result;
        _options = options.ToDictionary(o => o.Name.TrimStart('-'), StringComparer.Ordinal);
    }

    private Option Get(string name) =>
        _options.TryGetValue(name, out var o) ? o : throw new InvalidOperationException($"The verb has no option --{name}.");

    /// <summary>Whether the option was given on the command line.</summary>
    public bool Has(string name)
    {
        var o = Get(name);
        return o is Option<bool> flag ? _result.GetValue(flag) : _result.GetResult(o) is { Implicit: false };
    }

    public string? String(string name) => Get(name) switch
    {
        Option<string?> s => _result.GetValue(s),
        Option<long?> l => _result.GetValue(l)?.ToString(CultureInfo.InvariantCulture),
        Option<List<int>?> list => _result.GetValue(list) is { Count: > 0 } v ? string.Join(',', v) : null,
        var o => _result.GetResult(o)?.Tokens.FirstOrDefault()?.Value,
    };

    public int Int(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var option = Get(name);
        long? v = option is Option<long?> o ? _result.GetValue(o) : null;
        if (option is Option<string?> text && _result.GetValue(text) is string s)
        {
            v = long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) ? parsed
                : throw new UsageException($"--{name} must be an integer, not '{s}'.");
        }

        if (v is null)
        {
            return fallback;
        }

        if (v < min || v > max)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--{name} must be an integer from {min} to {max}, not '{v}'."));
        }

        return (int)v.Value;
    }

    public double Double(string name, double fallback) => Get(name) is Option<double?> o ? _result.GetValue(o) ?? fallback : fallback;

    /// <summary>The parsed integer list of a list option, or null when it was not given.</summary>
    public List<int>? IntegerList(string name) => Get(name) is Option<List<int>?> o && _result.GetValue(o) is { Count: > 0 } v ? v : null;

    /// <summary>Comma-separated integers with ranges, e.g. "0,100,1000" or "2-12".</summary>
    public static List<int> IntList(string text, string option)
    {
        var list = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int dash = part.IndexOf('-', 1);
            if (dash > 0
                && int.TryParse(part[..dash], NumberStyles.Integer, CultureInfo.InvariantCulture, out int a)
                && int.TryParse(part[(dash + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out int b) && b >= a)
            {
                for (int v = a; v <= b; v++)
                {
                    list.Add(v);
                }
            }
            else if (int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v))
            {
                list.Add(v);
            }
            else
            {
                throw new UsageException($"--{option}: '{part}' is not an integer or a range a-b.");
            }
        }

        if (list.Count == 0)
        {
            throw new UsageException($"--{option} needs at least one value.");
        }

        return list;
    }
}
