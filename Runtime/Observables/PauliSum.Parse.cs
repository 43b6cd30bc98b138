using System;
using System.Diagnostics.CodeAnalysis;

namespace NegLR;

// Text input: sparse labels ("0.5 Z0 Z1 - 1.2 X2 + 0.3"), the format ToString writes, so Parse(sum.ToString()) == sum.
public sealed partial class PauliSum : IParsable<PauliSum>
{
    /// <summary>
    /// Reads a sum written with sparse labels, e.g. <c>0.5 Z0 Z1 - 1.2 X2 + 0.3</c>, <c>-Z0 Z1</c>, <c>2*X0 Y1</c>,
    /// <c>1e-3 Y3</c> or a bare constant (<c>I</c> or a number). Numbers use the invariant culture; whitespace between
    /// tokens is free; like terms are merged as by the constructor. Qubit indices run from 0 to 29.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="PauliParseException">The text is malformed; the exception names the position and what was expected.</exception>
    public static PauliSum Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FromParsedTerms(PauliSumParser.ParseTerms(text, out var error)) ?? throw new PauliParseException(error!);
    }

    /// <summary>
    /// Like <see cref="Parse(string)"/>, but returns false with an <paramref name="error"/> (position and expectation)
    /// instead of throwing. A null text gives false with an error at position 0.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out PauliSum? result,
        [NotNullWhen(false)] out PauliParseError? error)
    {
        if (text is null)
        {
            result = null;
            error = new PauliParseError(0, "expected a Pauli sum, but the text is null");
            return false;
        }

        result = FromParsedTerms(PauliSumParser.ParseTerms(text, out error));
        return result is not null;
    }

    /// <summary>Same as <see cref="Parse(string)"/>; the format is culture-independent, so <paramref name="provider"/> is ignored.</summary>
    public static PauliSum Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Same as <see cref="TryParse(string?, out PauliSum?, out PauliParseError?)"/> without the error; <paramref name="provider"/> is ignored.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out PauliSum result)
    {
        bool ok = TryParse(s, out PauliSum? parsed, out _);
        result = parsed;
        return ok;
    }

    private static PauliSum? FromParsedTerms(System.Collections.Generic.List<(double Coefficient, int XMask, int ZMask)>? terms)
    {
        if (terms is null)
        {
            return null;
        }

        var list = new PauliTerm[terms.Count];
        for (int i = 0; i < list.Length; i++)
        {
            list[i] = new PauliTerm(terms[i].Coefficient, terms[i].XMask, terms[i].ZMask);
        }

        return new PauliSum(list);
    }
}
