using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NegLR.Generator.Emit;

/// <summary>
/// Rewrites a tile method written for 256-bit registers into the same method on 128-bit registers, for machines where
/// only 128-bit SIMD is accelerated (arm64's AdvSimd, x64 without AVX2). A 256-bit register holds the amplitudes of
/// qubit 0 = 0 and qubit 0 = 1 of one tile index; here it becomes two registers, <c>x_0</c> and <c>x_1</c>, one per
/// amplitude. Every operation the tile writer emits is lane-wise except its shuffles, and every shuffle it emits moves
/// whole 128-bit halves or stays inside them, so each lane is computed by exactly the same operations (fused
/// multiply-adds included) on both widths: the results agree bit for bit. The gradient accumulators are reduced by
/// <c>FusedKernels.SumLanes</c>, whose order is the same for both widths.
/// </summary>
/// <remarks>
/// Names in the rewritten code: <c>__V2</c> = Vector128, <c>__D2</c> = Vector128&lt;double&gt;. The rewrite is driven
/// by the tile writer's vocabulary (its register, constant and accumulator names, its statement forms); anything it
/// does not recognise is a generator bug and throws, so it can never write wrong code silently (the emitter turns
/// the exception into a 256-bit-only file). A constant register whose two halves are the same (a broadcast angle, a
/// sign pattern repeated per amplitude) is declared once, without a suffix, and read by both halves: same values, one
/// register instead of two.
/// </remarks>
internal sealed class LaneSplit
{
    /// <summary>Constant registers of this method declared once for both halves (the tile writer's <c>m</c> constants).</summary>
    private readonly HashSet<string> _shared = new(StringComparer.Ordinal);

    private LaneSplit()
    {
    }

    /// <summary>Names the tile writer gives its vector locals: φ and λ registers, temporaries, constants, accumulators, cross products, phase tables.</summary>
    private static readonly Regex VectorName = new("^(?:[plmtgu][0-9]+|f[0-9]+_[0-9]+[ri]?)$", RegexOptions.CultureInvariant);

    /// <summary>The tile writer's register-wide constants (<c>m0…</c>): declared once, never written again.</summary>
    private static readonly Regex Constant = new("^m[0-9]+$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Rewrites one method's text (as the tile writer wrote it) with its name <paramref name="name"/> → <paramref name="newName"/>.
    /// Line comments are left out (the 256-bit method carries them, statement for statement); doc comments stay.
    /// </summary>
    public static string Method(string text, string name, string newName) => new LaneSplit().Rewrite(text, name, newName);

    private string Rewrite(string text, string name, string newName)
    {
        var output = new StringBuilder(text.Length * 2);
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            string line = text.Substring(start, end - start);
            start = end + 1;
            if (line.TrimStart().StartsWith("//", StringComparison.Ordinal) && !line.TrimStart().StartsWith("///", StringComparison.Ordinal))
            {
                // The twin follows its 256-bit method statement for statement; the gate comments are read there.
                continue;
            }

            output.Append(Line(line, name, newName)).Append('\n');
        }

        return output.ToString();
    }

    private string Line(string line, string name, string newName)
    {
        string trimmed = line.TrimStart();
        string indent = line.Substring(0, line.Length - trimmed.Length);
        if (trimmed.Length == 0 || trimmed == "{" || trimmed == "}" || trimmed.StartsWith("//", StringComparison.Ordinal)
            || trimmed.StartsWith("for (", StringComparison.Ordinal))
        {
            return line;
        }

        if (trimmed.StartsWith("private static void " + name + "(", StringComparison.Ordinal))
        {
            return indent + "private static void " + newName + trimmed.Substring(("private static void " + name).Length);
        }

        // Statements, then perhaps a trailing comment.
        var statements = Statements(trimmed, out string comment);
        var result = new List<string>();
        foreach (string statement in statements)
        {
            result.Add(Statement(statement));
        }

        return indent + string.Join(" ", result) + (comment.Length > 0 ? " " + comment : "");
    }

    /// <summary>Splits a line at the semicolons outside parentheses; the text from a <c>//</c> outside them on is the comment.</summary>
    private static List<string> Statements(string line, out string comment)
    {
        var list = new List<string>();
        int depth = 0, from = 0;
        comment = "";
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (c == ';' && depth == 0)
            {
                list.Add(line.Substring(from, i - from).Trim());
                from = i + 1;
            }
            else if (c == '/' && depth == 0 && i + 1 < line.Length && line[i + 1] == '/')
            {
                comment = line.Substring(i);
                if (line.Substring(from, i - from).Trim().Length > 0)
                {
                    throw Unexpected(line);
                }

                return list;
            }
        }

        if (line.Substring(from).Trim().Length > 0)
        {
            throw Unexpected(line);
        }

        return list;
    }

    private string Statement(string s)
    {
        // Scalars and references: the same on both widths.
        if (s.StartsWith("double ", StringComparison.Ordinal) || s.StartsWith("ref double ", StringComparison.Ordinal)
            || s.StartsWith("nint ", StringComparison.Ordinal) || s.StartsWith("int ", StringComparison.Ordinal))
        {
            return s + ";";
        }

        // A gradient added to its weight: the accumulator reduced in the fixed lane order.
        if (s.StartsWith("__U.Add(", StringComparison.Ordinal))
        {
            const string Sum = "__F.SumLanes(";
            int at = s.IndexOf(Sum, StringComparison.Ordinal);
            if (at < 0)
            {
                throw Unexpected(s);
            }

            int close = Close(s, at + Sum.Length - 1);
            string inner = s.Substring(at + Sum.Length, close - at - Sum.Length);
            return s.Substring(0, at) + Sum + Half(inner, 0) + ", " + Half(inner, 1) + ")" + s.Substring(close + 1) + ";";
        }

        if (s.StartsWith("__D ", StringComparison.Ordinal))
        {
            // "__D a, b, c" or "__D g5 = default".
            const string Zero = " = default";
            var names = new List<string>();
            foreach (string part in s.Substring(4).Split(','))
            {
                string declared = part.Trim();
                bool zero = declared.EndsWith(Zero, StringComparison.Ordinal);
                string name = zero ? declared.Substring(0, declared.Length - Zero.Length) : declared;
                Vector(name, s);
                names.Add(name + "_0" + (zero ? Zero : ""));
                names.Add(name + "_1" + (zero ? Zero : ""));
            }

            return "__D2 " + string.Join(", ", names) + ";";
        }

        const string Load = "__V.LoadUnsafe(";
        const string Store = "__V.StoreUnsafe(";
        if (s.StartsWith("var ", StringComparison.Ordinal))
        {
            int eq = s.IndexOf(" = ", StringComparison.Ordinal);
            string target = s.Substring(4, eq - 4);
            string value = s.Substring(eq + 3);
            Vector(target, s);
            if (value.StartsWith(Load, StringComparison.Ordinal))
            {
                var (reference, offset) = Address(value.Substring(Load.Length, value.Length - Load.Length - 1), s);
                return $"var {target}_0 = __V2.LoadUnsafe({reference}{Offset(offset, 0)}); var {target}_1 = __V2.LoadUnsafe({reference}{Offset(offset, 2)});";
            }

            string low = Half(value, 0), high = Half(value, 1);
            if (Constant.IsMatch(target) && low == high)
            {
                // The same value in both halves: one register.
                _shared.Add(target);
                return $"var {target} = {low};";
            }

            return $"var {target}_0 = {low}; var {target}_1 = {high};";
        }

        if (s.StartsWith(Store, StringComparison.Ordinal))
        {
            string inside = s.Substring(Store.Length, s.Length - Store.Length - 1);
            int comma = inside.IndexOf(',');
            string register = inside.Substring(0, comma).Trim();
            Vector(register, s);
            var (reference, offset) = Address(inside.Substring(comma + 1).Trim(), s);
            return $"__V2.StoreUnsafe({register}_0, {reference}{Offset(offset, 0)}); __V2.StoreUnsafe({register}_1, {reference}{Offset(offset, 2)});";
        }

        if (s.StartsWith("(", StringComparison.Ordinal))
        {
            // (a, b) = (c, d): the registers a loop iteration renamed, put back.
            int eq = s.IndexOf(" = ", StringComparison.Ordinal);
            return "(" + Pairs(s.Substring(1, eq - 2), s) + ") = (" + Pairs(s.Substring(eq + 4, s.Length - eq - 5), s) + ");";
        }

        foreach (string op in new[] { " = ", " *= ", " -= ", " += " })
        {
            int at = s.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            string target = s.Substring(0, at);
            string value = s.Substring(at + op.Length);
            Vector(target, s);
            Unshared(target, s);
            string low = Half(value, 0), high = Half(value, 1);
            string lowTarget = target + "_0", highTarget = target + "_1";
            if (op == " = " && low == lowTarget && high == highTarget)
            {
                return "";
            }

            if (ReadsName(high, lowTarget))
            {
                // The high half reads the low half this statement overwrites: assign both at once.
                string compound = op.Trim().Substring(0, op.Trim().Length - 1);
                string Operand(string half, string t) => compound.Length == 0 ? half : $"{t} {compound} ({half})";
                return $"({lowTarget}, {highTarget}) = ({Operand(low, lowTarget)}, {Operand(high, highTarget)});";
            }

            string first = op == " = " && low == lowTarget ? "" : $"{lowTarget}{op}{low};";
            string second = op == " = " && high == highTarget ? "" : $"{highTarget}{op}{high};";
            return (first + " " + second).Trim();
        }

        throw Unexpected(s);
    }

    private string Pairs(string list, string context)
    {
        var names = new List<string>();
        foreach (string part in list.Split(','))
        {
            string name = part.Trim();
            Vector(name, context);
            Unshared(name, context);
            names.Add(name + "_0");
            names.Add(name + "_1");
        }

        return string.Join(", ", names);
    }

    private static (string Reference, string Offset) Address(string arguments, string context)
    {
        // "ref zp" or "ref zp, 8" or "ref zp, (nuint)o3".
        int comma = arguments.IndexOf(',');
        if (!arguments.StartsWith("ref ", StringComparison.Ordinal))
        {
            throw Unexpected(context);
        }

        return comma < 0 ? (arguments.Trim(), "") : (arguments.Substring(0, comma).Trim(), arguments.Substring(comma + 1).Trim());
    }

    /// <summary>The element offset of half <paramref name="extra"/>/2 of a register at <paramref name="offset"/> doubles.</summary>
    private static string Offset(string offset, int extra)
    {
        if (offset.Length == 0)
        {
            return extra == 0 ? "" : ", " + extra.ToString(CultureInfo.InvariantCulture);
        }

        if (int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
        {
            return ", " + (value + extra).ToString(CultureInfo.InvariantCulture);
        }

        return extra == 0 ? ", " + offset : ", " + offset + " + " + extra.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Half <paramref name="h"/> (0: qubit 0 = 0, 1: qubit 0 = 1) of a 256-bit expression, as a 128-bit expression.</summary>
    private string Half(string e, int h)
    {
        var sb = new StringBuilder(e.Length + 16);
        int i = 0;
        while (i < e.Length)
        {
            char c = e[i];
            if (char.IsLetter(c) || c == '_')
            {
                int start = i;
                while (i < e.Length && (char.IsLetterOrDigit(e[i]) || e[i] == '_' || e[i] == '.'))
                {
                    i++;
                }

                string word = e.Substring(start, i - start);
                if (word.StartsWith("__V.", StringComparison.Ordinal) || word.StartsWith("__F.", StringComparison.Ordinal))
                {
                    if (i >= e.Length || e[i] != '(')
                    {
                        throw Unexpected(e);
                    }

                    int close = Close(e, i);
                    var args = Arguments(e.Substring(i + 1, close - i - 1));
                    sb.Append(word[2] == 'V' ? Call(word.Substring(4), args, h, e) : Shuffle(word.Substring(4), args, h, e));
                    i = close + 1;
                }
                else if (_shared.Contains(word))
                {
                    sb.Append(word);
                }
                else if (VectorName.IsMatch(word))
                {
                    sb.Append(word).Append('_').Append(h);
                }
                else if (word == "default")
                {
                    sb.Append(word);
                }
                else
                {
                    throw Unexpected(e);
                }
            }
            else if (char.IsDigit(c))
            {
                // A scalar literal outside a Create: not something the tile writer emits on registers.
                throw Unexpected(e);
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }

        return sb.ToString();
    }

    private string Call(string method, List<string> args, int h, string context)
    {
        switch (method)
        {
            case "FusedMultiplyAdd" when args.Count == 3:
                return $"__V2.FusedMultiplyAdd({Half(args[0], h)}, {Half(args[1], h)}, {Half(args[2], h)})";
            case "Create" when args.Count == 1:
                return $"__V2.Create({args[0]})";
            case "Create" when args.Count == 4:
                return $"__V2.Create({args[2 * h]}, {args[(2 * h) + 1]})";
            case "Create" when args.Count == 2:
                // Create(GetLower(x), GetUpper(y)): half h is the argument's 128-bit half.
                return HalfOf(args[h], context);
            default:
                throw Unexpected(context);
        }
    }

    /// <summary>
    /// Half <paramref name="h"/> of one of the shuffles the tile writer calls in <c>FusedKernels</c>: those inside the
    /// 128-bit halves have 128-bit overloads; exchanging the halves is reading the other one.
    /// </summary>
    private string Shuffle(string method, List<string> args, int h, string context)
    {
        if (args.Count != 1)
        {
            throw Unexpected(context);
        }

        switch (method)
        {
            case "SwapReIm":
            case "Re":
            case "Im":
                return $"__F.{method}({Half(args[0], h)})";
            case "SwapHalves":
                return Half(args[0], 1 - h);
            default:
                throw Unexpected(context);
        }
    }

    private string HalfOf(string arg, string context)
    {
        foreach (var (prefix, half) in new[] { ("__V.GetLower(", 0), ("__V.GetUpper(", 1) })
        {
            if (arg.StartsWith(prefix, StringComparison.Ordinal) && arg.EndsWith(")", StringComparison.Ordinal))
            {
                return Half(arg.Substring(prefix.Length, arg.Length - prefix.Length - 1), half);
            }
        }

        throw Unexpected(context);
    }

    private static List<string> Arguments(string inside)
    {
        var list = new List<string>();
        int depth = 0, from = 0;
        for (int i = 0; i < inside.Length; i++)
        {
            char c = inside[i];
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                list.Add(inside.Substring(from, i - from).Trim());
                from = i + 1;
            }
        }

        list.Add(inside.Substring(from).Trim());
        return list;
    }

    /// <summary>The index of the parenthesis closing the one at <paramref name="open"/>.</summary>
    private static int Close(string e, int open)
    {
        int depth = 0;
        for (int i = open; i < e.Length; i++)
        {
            if (e[i] == '(')
            {
                depth++;
            }
            else if (e[i] == ')' && --depth == 0)
            {
                return i;
            }
        }

        throw Unexpected(e);
    }

    private static bool ReadsName(string expression, string name)
    {
        int at = 0;
        while ((at = expression.IndexOf(name, at, StringComparison.Ordinal)) >= 0)
        {
            bool before = at == 0 || !(char.IsLetterOrDigit(expression[at - 1]) || expression[at - 1] == '_');
            int after = at + name.Length;
            bool afterOk = after >= expression.Length || !(char.IsLetterOrDigit(expression[after]) || expression[after] == '_');
            if (before && afterOk)
            {
                return true;
            }

            at = after;
        }

        return false;
    }

    /// <summary>A register written after its declaration cannot be one shared by both halves.</summary>
    private void Unshared(string name, string context)
    {
        if (_shared.Contains(name))
        {
            throw Unexpected(context);
        }
    }

    private static void Vector(string name, string context)
    {
        if (!VectorName.IsMatch(name))
        {
            throw Unexpected(context);
        }
    }

    private static InvalidOperationException Unexpected(string text) =>
        new("The 128-bit rewrite of a tile method met a statement it does not know: " + text + "; this is a bug in the NegLR generator.");
}
