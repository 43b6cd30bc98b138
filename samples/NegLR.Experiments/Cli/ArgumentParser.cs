using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NegLR.Experiments.Cli;

/// <summary>A command-line option of a verb.</summary>
/// <param name="Name">Long name without the dashes.</param>
/// <param name="Value">Placeholder of the value (null for a flag).</param>
/// <param name="Help">One line of help.</param>
internal sealed record OptionSpec(string Name, string? Value, string Help);

/// <summary>Raised for bad command lines; the message is shown with the verb's usage.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>
/// A small GNU-style parser: <c>--name value</c>, <c>--name=value</c> and <c>--flag</c>; every option must be declared,
/// and a repeated option keeps its last value.
/// </summary>
internal sealed class ParsedArguments
{
    private readonly Dictionary<string, string?> _values;

    private ParsedArguments(Dictionary<string, string?> values) => _values = values;

    public static ParsedArguments Parse(IReadOnlyList<string> args, IReadOnlyList<OptionSpec> specs)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (a is "-h" or "-?")
            {
                a = "--help";
            }

            if (!a.StartsWith("--", StringComparison.Ordinal) || a.Length == 2)
            {
                throw new UsageException($"Unexpected argument '{a}'; options start with --.");
            }

            string name = a[2..];
            string? inline = null;
            int eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                inline = name[(eq + 1)..];
                name = name[..eq];
            }

            if (name == "help")
            {
                values["help"] = null;
                continue;
            }

            var spec = specs.FirstOrDefault(s => s.Name == name)
                ?? throw new UsageException($"Unknown option --{name}.");
            if (spec.Value is null)
            {
                if (inline is not null)
                {
                    throw new UsageException($"--{name} is a flag and takes no value.");
                }

                values[name] = null;
                continue;
            }

            if (inline is null)
            {
                if (i + 1 >= args.Count)
                {
                    throw new UsageException($"--{name} needs a value ({spec.Value}).");
                }

                inline = args[++i];
            }

            values[name] = inline;
        }

        return new ParsedArguments(values);
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? String(string name) => _values.TryGetValue(name, out var v) ? v : null;

    public int Int(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var s = String(name);
        if (s is null)
        {
            return fallback;
        }

        if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) || v < min || v > max)
        {
            throw new UsageException($"--{name} must be an integer from {min} to {max}, not '{s}'.");
        }

        return v;
    }

    public double Double(string name, double fallback)
    {
        var s = String(name);
        if (s is null)
        {
            return fallback;
        }

        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
        {
            throw new UsageException($"--{name} must be a number, not '{s}'.");
        }

        return v;
    }

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

    /// <summary>Usage text of a verb.</summary>
    public static string Usage(string verb, string summary, IReadOnlyList<OptionSpec> specs)
    {
        var sb = new StringBuilder();
        sb.Append("Usage: NegLR.Experiments ").Append(verb).AppendLine(" [options]");
        sb.AppendLine();
        sb.AppendLine(summary);
        sb.AppendLine();
        sb.AppendLine("Options:");
        int width = specs.Max(s => s.Name.Length + (s.Value is null ? 0 : s.Value.Length + 1)) + 4;
        foreach (var s in specs)
        {
            string left = "--" + s.Name + (s.Value is null ? string.Empty : " " + s.Value);
            sb.Append("  ").Append(left.PadRight(width)).AppendLine(s.Help);
        }

        sb.Append("  ").Append("--help".PadRight(width)).AppendLine("Show this help.");
        return sb.ToString();
    }
}
