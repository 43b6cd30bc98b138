using System;
using System.Collections.Generic;
using System.Globalization;

namespace NegLR;

/// <summary>
/// Reads sparse Pauli-sum text such as <c>0.5 Z0 Z1 - 1.2 X2 + 0.3</c> into terms. A hand-written scanner rather than a
/// regular expression, so every failure can name the exact character and what belonged there.
/// </summary>
/// <remarks>
/// Grammar (whitespace allowed between any two tokens, not inside a number or between a letter and its index):
/// <code>
/// sum      := [sign] term { ('+' | '-') [sign-attached-to-number] term }
/// term     := number [ '*' ] { pauli }  |  pauli { pauli }
/// pauli    := ('X' | 'Y' | 'Z') index  |  'I' [ index ]
/// index    := digits, 0 to Circuit.MaxQubits − 1
/// </code>
/// Letters may be lower case; '−' (U+2212) reads as '-'. Errors are returned, not thrown, so TryParse costs no exception.
/// This file is also linked into the Generator and the Analyzers (netstandard2.0): it yields plain
/// (coefficient, X mask, Z mask) terms, so the compiler side can read observables and point into the text.
/// </remarks>
internal sealed class PauliSumParser
{
    private const int MaxIndex = Circuit.MaxQubits - 1;

    // Longest first, so "infinity" is not reported as "inf".
    private static readonly string[] NonFiniteWords = { "infinity", "nan", "inf" };

    private readonly string _text;
    private readonly List<(double Coefficient, int XMask, int ZMask, int Position)> _terms = new();
    private int _pos;

    private PauliSumParser(string text) => _text = text;

    /// <summary>
    /// Parses <paramref name="text"/> into terms in written order (identity terms have both masks 0); on failure returns
    /// null and sets <paramref name="error"/>.
    /// </summary>
    public static List<(double Coefficient, int XMask, int ZMask)>? ParseTerms(string text, out PauliParseError? error)
    {
        var parser = new PauliSumParser(text);
        error = parser.ParseSum();
        return error is null ? parser.Build(out error) : null;
    }

    private char Current => _text[_pos];

    private bool AtEnd => _pos >= _text.Length;

    private static bool IsSign(char c) => c is '+' or '-' or '\u2212';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private string Found => AtEnd ? "the end of the text" : $"'{Current}'";

    private PauliParseError? ParseSum()
    {
        SkipWhitespace();
        if (AtEnd)
        {
            return Error(_pos, _text.Length == 0 ? "expected a term, but the text is empty" : "expected a term, but the text is blank");
        }

        double sign = 1;
        if (IsSign(Current))
        {
            char op = Current;
            sign = op == '+' ? 1 : -1;
            _pos++;
            SkipWhitespace();
            if (AtEnd || IsSign(Current))
            {
                return Error(_pos, $"expected a term after '{op}', found {Found}");
            }
        }

        while (true)
        {
            var error = ParseTerm(sign);
            if (error is not null)
            {
                return error;
            }

            SkipWhitespace();
            if (AtEnd)
            {
                return null;
            }

            char c = Current;
            if (IsDigit(c) || c == '.')
            {
                return Error(_pos, "a term has only one coefficient, written before its Pauli operators; found a second number (missing '+' or '-'?)");
            }

            if (!IsSign(c))
            {
                return Error(_pos, $"expected '+', '-' or a Pauli operator (X, Y, Z or I), found '{c}'");
            }

            sign = c == '+' ? 1 : -1;
            _pos++;
            SkipWhitespace();
            // A sign glued to a number ("+ -0.5 X1") is part of the coefficient; a lone second operator is not.
            if (!AtEnd && IsSign(Current) && _pos + 1 < _text.Length && (IsDigit(_text[_pos + 1]) || _text[_pos + 1] == '.'))
            {
                sign *= Current == '+' ? 1 : -1;
                _pos++;
            }

            if (AtEnd || IsSign(Current))
            {
                return Error(_pos, $"expected a term after '{c}', found {Found}");
            }
        }
    }

    private PauliParseError? ParseTerm(double sign)
    {
        int start = _pos;
        double coefficient = 1;
        bool hasCoefficient = false;
        if (IsNumberStart())
        {
            var error = ParseNumber(out coefficient);
            if (error is not null)
            {
                return error;
            }

            hasCoefficient = true;
            SkipWhitespace();
            if (!AtEnd && Current == '*')
            {
                _pos++;
                SkipWhitespace();
                if (IsNumberStart())
                {
                    return Error(_pos, "a term has only one coefficient; found a second number after '*'");
                }

                if (AtEnd || !char.IsLetter(Current))
                {
                    return Error(_pos, $"expected a Pauli operator after '*', found {Found}");
                }
            }
            else if (IsNumberStart())
            {
                return Error(_pos, "a term has only one coefficient; found a second number");
            }
        }

        int x = 0, z = 0, seen = 0, operators = 0;
        while (!AtEnd && char.IsLetter(Current))
        {
            if (operators == 0 && !hasCoefficient && NonFiniteWordLength() > 0)
            {
                return Error(_pos, $"coefficients must be finite numbers; found '{_text.Substring(_pos, NonFiniteWordLength())}'");
            }

            var error = ParseOperator(ref x, ref z, ref seen);
            if (error is not null)
            {
                return error;
            }

            operators++;
            SkipWhitespace();
        }

        if (!hasCoefficient && operators == 0)
        {
            return Error(start, $"expected a coefficient or a Pauli operator (X, Y, Z or I), found {Found}");
        }

        _terms.Add((sign * coefficient, x, z, start));
        return null;
    }

    private PauliParseError? ParseOperator(ref int x, ref int z, ref int seen)
    {
        int letterPos = _pos;
        char letter = char.ToUpperInvariant(Current);
        if (letter is not ('X' or 'Y' or 'Z' or 'I'))
        {
            return Error(_pos, $"unknown Pauli letter '{Current}'; expected X, Y, Z or I");
        }

        _pos++;
        if (AtEnd || !IsDigit(Current))
        {
            // A bare I is the identity (a constant term); every other letter needs its qubit.
            return letter == 'I' ? null : Error(_pos, $"expected a qubit index after '{letter}'");
        }

        int indexPos = _pos;
        long index = 0;
        while (!AtEnd && IsDigit(Current))
        {
            // Saturate instead of overflowing: anything this large is reported as out of range anyway.
            index = Math.Min((index * 10) + (Current - '0'), int.MaxValue);
            _pos++;
        }

        if (index > MaxIndex)
        {
            return Error(indexPos, $"qubit index {_text.Substring(indexPos, _pos - indexPos)} is out of range; indices run from 0 to {MaxIndex}");
        }

        int bit = 1 << (int)index;
        if ((seen & bit) != 0)
        {
            return Error(letterPos, $"qubit {index} appears twice in one term; write each qubit's Pauli once");
        }

        seen |= bit;
        if (letter is 'X' or 'Y')
        {
            x |= bit;
        }

        if (letter is 'Z' or 'Y')
        {
            z |= bit;
        }

        return null;
    }

    private PauliParseError? ParseNumber(out double value)
    {
        int start = _pos;
        while (!AtEnd && IsDigit(Current))
        {
            _pos++;
        }

        if (!AtEnd && Current == '.')
        {
            _pos++;
            while (!AtEnd && IsDigit(Current))
            {
                _pos++;
            }
        }

        // An exponent only when digits follow, so "2 E" is never half a number.
        if (!AtEnd && Current is 'e' or 'E')
        {
            int p = _pos + 1;
            if (p < _text.Length && (_text[p] == '+' || _text[p] == '-'))
            {
                p++;
            }

            if (p < _text.Length && IsDigit(_text[p]))
            {
                _pos = p;
                while (!AtEnd && IsDigit(Current))
                {
                    _pos++;
                }
            }
            else
            {
                value = 0;
                return Error(p, $"expected the digits of an exponent after '{_text.Substring(start, p - start)}'");
            }
        }

        string number = _text.Substring(start, _pos - start);
        value = double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
        return Guard.IsFinite(value) ? null : Error(start, $"coefficients must be finite numbers; '{number}' is too large");
    }

    private bool IsNumberStart() =>
        !AtEnd && (IsDigit(Current) || (Current == '.' && _pos + 1 < _text.Length && IsDigit(_text[_pos + 1])));

    /// <summary>Length of a NaN/Infinity word at the cursor (0 if none), so it gets a clearer message than "unknown letter".</summary>
    private int NonFiniteWordLength()
    {
        foreach (var word in NonFiniteWords)
        {
            if (string.Compare(_text, _pos, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                int end = _pos + word.Length;
                if (end >= _text.Length || !char.IsLetter(_text[end]))
                {
                    return word.Length;
                }
            }
        }

        return 0;
    }

    private void SkipWhitespace()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            _pos++;
        }
    }

    /// <summary>Merges the terms, checking that no sum of like terms overflows (PauliSum's constructor would throw).</summary>
    private List<(double Coefficient, int XMask, int ZMask)>? Build(out PauliParseError? error)
    {
        var totals = new Dictionary<(int X, int Z), double>();
        foreach (var (coefficient, x, z, position) in _terms)
        {
            var key = (x, z);
            totals.TryGetValue(key, out double sum);
            double total = sum + coefficient;
            if (!Guard.IsFinite(total))
            {
                error = Error(position, "the coefficients of like terms add up to a number too large for a double");
                return null;
            }

            totals[key] = total;
        }

        var terms = new List<(double Coefficient, int XMask, int ZMask)>(_terms.Count);
        foreach (var (coefficient, x, z, _) in _terms)
        {
            terms.Add((coefficient, x, z));
        }

        error = null;
        return terms;
    }

    private static PauliParseError Error(int position, string description) => new(position, description);
}
