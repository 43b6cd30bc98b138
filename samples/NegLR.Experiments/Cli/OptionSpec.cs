using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;

namespace NegLR.Experiments.Cli;

/// <summary>What kind of value an option takes; decides its parser, its error message and its completions.</summary>
internal enum OptionKind
{
    /// <summary>No value: present or absent.</summary>
    Flag,

    /// <summary>Free text (a list of ids, a pattern, an observable).</summary>
    Text,

    /// <summary>A file or folder path (completed by the shell's file completion).</summary>
    Path,

    /// <summary>An integer within [Min, Max].</summary>
    Integer,

    /// <summary>A finite number.</summary>
    Number,

    /// <summary>One of <see cref="OptionSpec.Choices"/>.</summary>
    Choice,

    /// <summary>Comma-separated integers and ranges a-b, each within [Min, Max].</summary>
    IntegerList,
}

/// <summary>
/// A command-line option of a verb: its long name, its value's placeholder and kind, and one line of help. The table of
/// specs is the single description of a verb's options: <see cref="CommandLine"/> turns each into a typed
/// System.CommandLine option (parsing, range checks, help, completions) and the verbs read values back by name.
/// </summary>
/// <param name="Name">Long name without the dashes.</param>
/// <param name="Value">Placeholder of the value (null for a flag).</param>
/// <param name="Help">One line of help.</param>
internal sealed record OptionSpec(string Name, string? Value, string Help)
{
    public OptionKind Kind { get; init; } = OptionKind.Text;

    public long Min { get; init; } = int.MinValue;

    public long Max { get; init; } = int.MaxValue;

    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>A flag.</summary>
    public static OptionSpec Flag(string name, string help) => new(name, null, help) { Kind = OptionKind.Flag };

    /// <summary>An integer option checked against [min, max] when parsed.</summary>
    public static OptionSpec Integer(string name, string help, long min, long max = int.MaxValue, string value = "N") =>
        new(name, value, help) { Kind = OptionKind.Integer, Min = min, Max = max };

    /// <summary>A list of integers and ranges (<c>0,100,1000</c>, <c>2-12</c>), each within [min, max].</summary>
    public static OptionSpec IntegerList(string name, string help, long min, long max = int.MaxValue, string value = "LIST") =>
        new(name, value, help) { Kind = OptionKind.IntegerList, Min = min, Max = max };

    /// <summary>One of a fixed set of words (completed on Tab).</summary>
    public static OptionSpec Choice(string name, string help, params string[] choices) =>
        new(name, string.Join('|', choices), help) { Kind = OptionKind.Choice, Choices = choices };

    /// <summary>A path to a file or folder.</summary>
    public static OptionSpec PathTo(string name, string value, string help) => new(name, value, help) { Kind = OptionKind.Path };

    /// <summary>Free text.</summary>
    public static OptionSpec Text(string name, string value, string help) => new(name, value, help) { Kind = OptionKind.Text };

    /// <summary>A finite number.</summary>
    public static OptionSpec Number(string name, string help, string value = "X") => new(name, value, help) { Kind = OptionKind.Number };

    /// <summary>The typed System.CommandLine option for this spec.</summary>
    public Option ToOption()
    {
        string name = "--" + Name;
        switch (Kind)
        {
            case OptionKind.Flag:
                return new Option<bool>(name) { Description = Help, Arity = ArgumentArity.Zero };
            case OptionKind.Integer:
            {
                var o = new Option<long?>(name) { Description = Help, HelpName = Value };
                o.CustomParser = r => ParseInteger(r, r.Tokens.Count > 0 ? r.Tokens[0].Value : string.Empty);
                return o;
            }

            case OptionKind.Number:
            {
                var o = new Option<double?>(name) { Description = Help, HelpName = Value };
                o.CustomParser = r =>
                {
                    string t = r.Tokens.Count > 0 ? r.Tokens[0].Value : string.Empty;
                    if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v))
                    {
                        return v;
                    }

                    r.AddError($"{name} must be a finite number, not '{t}'.");
                    return null;
                };
                return o;
            }

            case OptionKind.IntegerList:
            {
                var o = new Option<List<int>?>(name) { Description = Help, HelpName = Value, Arity = ArgumentArity.ExactlyOne };
                o.CustomParser = r =>
                {
                    if (r.Tokens.Count == 0)
                    {
                        return null;
                    }

                    string t = r.Tokens[0].Value;
                    try
                    {
                        var list = ParsedArguments.IntList(t, Name);
                        var bad = list.FirstOrDefault(v => v < Min || v > Max, int.MinValue);
                        if (list.Any(v => v < Min || v > Max))
                        {
                            r.AddError(string.Create(CultureInfo.InvariantCulture, $"{name}: {bad} is outside {Min} to {Max}."));
                            return null;
                        }

                        return list;
                    }
                    catch (UsageException e)
                    {
                        r.AddError(e.Message);
                        return null;
                    }
                };
                return o;
            }

            case OptionKind.Choice:
            {
                var o = new Option<string?>(name) { Description = Help, HelpName = Value };
                o.AcceptOnlyFromAmong(Choices!.ToArray());
                return o;
            }

            default:
                return new Option<string?>(name) { Description = Help, HelpName = Value };
        }
    }

    private long? ParseInteger(ArgumentResult r, string text)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) && v >= Min && v <= Max)
        {
            return v;
        }

        r.AddError(Max == int.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"--{Name} must be an integer of at least {Min}, not '{text}'.")
            : string.Create(CultureInfo.InvariantCulture, $"--{Name} must be an integer from {Min} to {Max}, not '{text}'."));
        return null;
    }
}

/// <summary>Raised for bad command lines found after parsing; the message is shown with the verb's usage.</summary>
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
