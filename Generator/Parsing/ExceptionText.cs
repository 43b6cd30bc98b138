using System;

namespace NegLR.Generator.Parsing;

/// <summary>
/// Turns exceptions thrown while a body runs into problem messages that are the same on every machine: NegLR's own
/// messages are kept, the runtime's localized additions (parameter name, actual value) are dropped.
/// </summary>
internal static class ExceptionText
{
    /// <summary>The message NegLR wrote, without the runtime's " (Parameter 'x')" and "Actual value was …" lines.</summary>
    public static string Clean(ArgumentException exception)
    {
        if (exception is ArgumentNullException)
        {
            // Guard.NotNull's exception carries only the runtime's localized "Value cannot be null.".
            return $"'{exception.ParamName}' must not be null.";
        }

        string message = exception.Message;
        int newline = message.IndexOfAny(new[] { '\r', '\n' });
        if (newline >= 0)
        {
            message = message.Substring(0, newline);
        }

        // .NET Core appends " (Parameter 'name')" in the UI language; .NET Framework puts it on its own line (cut above).
        if (exception.ParamName is { Length: > 0 } name && message.EndsWith(")", StringComparison.Ordinal))
        {
            int open = message.LastIndexOf(" (", StringComparison.Ordinal);
            if (open > 0 && message.IndexOf(name, open, StringComparison.Ordinal) > open)
            {
                message = message.Substring(0, open);
            }
        }

        return message.Trim();
    }

    /// <summary>A fixed English description of an arithmetic failure (the runtime's own text is localized).</summary>
    public static string Describe(ArithmeticException exception) => exception switch
    {
        DivideByZeroException => "it divides an int by zero (DivideByZeroException)",
        OverflowException => "it overflows (OverflowException)",
        _ => $"it fails ({exception.GetType().Name})",
    };
}
