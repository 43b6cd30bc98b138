using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace NegLR.Tests;

/// <summary>
/// An independent recogniser for the statement forms NegLR exports, written from the published grammars rather than
/// from the importer: OpenQASM 2.0's BNF (Cross et al., "Open Quantum Assembly Language", 2017, appendix: id is
/// [a-z][A-Za-z0-9_]*, a real needs a '.', nninteger is [1-9]+[0-9]*|0, power is '^') and OpenQASM 3's ANTLR grammar
/// (openqasm/openqasm source/grammar/qasm3Lexer.g4 and qasm3Parser.g4: version, includeStatement,
/// ioDeclarationStatement, gateStatement, quantum and classical declarations, gateCallStatement with gphase,
/// assignmentStatement with measureExpression, measureArrowAssignmentStatement, and the expression precedence table
/// with '**'). It accepts or rejects syntax only; meaning is the importer's job.
/// </summary>
internal sealed class OpenQasmGrammar
{
    private static readonly Regex Token2 = new(
        @"\G(?:(?<real>([0-9]+\.[0-9]*|[0-9]*\.[0-9]+)([eE][-+]?[0-9]+)?)|(?<int>[1-9][0-9]*|0)|(?<id>[a-z][A-Za-z0-9_]*)|(?<kw>OPENQASM|U|CX)\b|(?<str>""[^""\n]*"")|(?<sym>->|[;,()\[\]{}+\-*/^]))");

    private static readonly Regex Token3 = new(
        @"\G(?:(?<real>([0-9](_?[0-9])*)[eE][+-]?[0-9](_?[0-9])*|\.[0-9](_?[0-9])*([eE][+-]?[0-9](_?[0-9])*)?|[0-9](_?[0-9])*\.([0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?)|(?<int>[0-9](_?[0-9])*)|(?<id>[_\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}\p{Nl}][_\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}\p{Nl}0-9]*)|(?<str>""[^""\r\t\n]+""|'[^'\r\t\n]+')|(?<sym>->|\*\*|[;,()\[\]{}+\-*/=@:]))");

    private static readonly HashSet<string> Keywords2 = new()
    {
        "include", "qreg", "creg", "gate", "opaque", "barrier", "measure", "reset", "if", "pi", "sin", "cos", "tan", "exp", "ln", "sqrt",
    };

    private static readonly HashSet<string> Keywords3 = new()
    {
        "include", "gate", "input", "output", "qubit", "bit", "float", "angle", "qreg", "creg", "measure", "reset", "barrier",
        "gphase", "ctrl", "inv", "pow", "negctrl", "if", "for", "while", "def", "let", "const",
    };

    private readonly List<(string Kind, string Text)> _tokens = new();
    private readonly bool _v3;
    private int _i;

    private OpenQasmGrammar(string text, bool v3)
    {
        _v3 = v3;
        var regex = v3 ? Token3 : Token2;
        int p = 0;
        bool versionNext = false;
        while (p < text.Length)
        {
            if (char.IsWhiteSpace(text[p]))
            {
                p++;
                continue;
            }

            if (text.AsSpan(p).StartsWith("//"))
            {
                p = text.IndexOf('\n', p) is int n and >= 0 ? n : text.Length;
                continue;
            }

            if (versionNext)
            {
                // VersionSpecifier: [0-9]+ ('.' [0-9]+)? (lexed in its own mode in OpenQASM 3; a real in 2.0).
                var m = Regex.Match(text[p..], v3 ? @"^[0-9]+(\.[0-9]+)?" : @"^([0-9]+\.[0-9]*|[0-9]*\.[0-9]+)");
                Require(m.Success, $"bad version at offset {p}");
                _tokens.Add(("version", m.Value));
                p += m.Length;
                versionNext = false;
                continue;
            }

            var t = regex.Match(text, p);
            Require(t.Success && t.Length > 0, $"no token of the grammar at offset {p}: '{text[p..Math.Min(text.Length, p + 20)]}'");
            string kind = t.Groups["real"].Success ? "real" : t.Groups["int"].Success ? "int" : t.Groups["id"].Success ? "id"
                : t.Groups["kw"].Success ? t.Value : t.Groups["str"].Success ? "str" : t.Value;
            if (kind == "id" && (v3 ? Keywords3 : Keywords2).Contains(t.Value))
            {
                kind = t.Value;
            }

            if (t.Value == "OPENQASM")
            {
                kind = "OPENQASM";
                versionNext = true;
            }

            _tokens.Add((kind, t.Value));
            p += t.Length;
        }
    }

    /// <summary>Throws unless <paramref name="text"/> is a program of the recognised forms.</summary>
    public static void Check(string text, QasmVersion version)
    {
        var g = new OpenQasmGrammar(text, version == QasmVersion.OpenQasm3);
        g.Program();
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new FormatException(message);
        }
    }

    private string Kind => _i < _tokens.Count ? _tokens[_i].Kind : "end";

    private string Here => _i < _tokens.Count ? $"token {_i} '{_tokens[_i].Text}'" : "the end";

    private void Expect(string kind) => Require(Accept(kind), $"expected {kind} at {Here}");

    private bool Accept(string kind)
    {
        if (Kind != kind)
        {
            return false;
        }

        _i++;
        return true;
    }

    private void Program()
    {
        Expect("OPENQASM");
        Expect("version");
        Expect(";");
        while (Kind != "end")
        {
            Statement();
        }
    }

    private void Statement()
    {
        switch (Kind)
        {
            case "include":
                _i++;
                Expect("str");
                Expect(";");
                return;
            case "qreg" or "creg":
                _i++;
                Expect("id");
                Expect("[");
                Expect("int");
                Expect("]");
                Expect(";");
                return;
            case "qubit" or "bit" when _v3:
                _i++;
                Designator();
                Expect("id");
                Expect(";");
                return;
            case "input" when _v3:
                _i++;
                Require(Accept("float") || Accept("angle"), $"expected a scalar type at {Here}");
                Designator();
                Expect("id");
                Expect(";");
                return;
            case "gate":
                GateStatement();
                return;
            case "measure":
                _i++;
                Operand();
                Require(Accept("->") ? Operand() : _v3, $"expected '->' at {Here}");
                Expect(";");
                return;
            case "reset":
                _i++;
                Operand();
                Expect(";");
                return;
            case "barrier":
                _i++;
                if (!(_v3 && Accept(";")))
                {
                    Operand();
                    while (Accept(","))
                    {
                        Operand();
                    }

                    Expect(";");
                }

                return;
            case "gphase" when _v3:
                _i++;
                Expect("(");
                ExpressionList(")");
                Expect(";");
                return;
            case "id" when _v3 && _i + 1 < _tokens.Count && _tokens[_i + 1].Kind is "=" or "[" && IsAssignment():
                Operand();
                Expect("=");
                Expect("measure");
                Operand();
                Expect(";");
                return;
            default:
                GateCall(inBody: false);
                return;
        }
    }

    private bool IsAssignment()
    {
        int j = _i + 1;
        while (j < _tokens.Count && _tokens[j].Kind is "[" or "int" or "]")
        {
            j++;
        }

        return j < _tokens.Count && _tokens[j].Kind == "=";
    }

    private void Designator()
    {
        if (Accept("["))
        {
            Expression();
            Expect("]");
        }
    }

    private void GateStatement()
    {
        _i++;
        Expect("id");
        if (Accept("("))
        {
            if (!Accept(")"))
            {
                IdentifierList(")");
                Expect(")");
            }
        }

        IdentifierList("{");
        Expect("{");
        while (!Accept("}"))
        {
            Require(Kind != "end", "unterminated gate body");
            if (_v3 && Kind == "gphase")
            {
                Statement();
                continue;
            }

            GateCall(inBody: true);
        }
    }

    private void IdentifierList(string closer)
    {
        Expect("id");
        while (Accept(","))
        {
            if (_v3 && Kind == closer)
            {
                return;
            }

            Expect("id");
        }
    }

    private void GateCall(bool inBody)
    {
        // OpenQASM 2.0: U and CX are keywords; other gates are ids. OpenQASM 3: every gate name is an Identifier.
        Require(Accept("id") || (!_v3 && (Accept("U") || Accept("CX"))), $"expected a gate name at {Here}");
        if (Accept("("))
        {
            if (!Accept(")"))
            {
                ExpressionList(")");
            }
        }

        Operand(inBody);
        while (Accept(","))
        {
            if (_v3 && Kind == ";")
            {
                break;
            }

            Operand(inBody);
        }

        Expect(";");
    }

    private bool Operand(bool inBody = false)
    {
        Expect("id");
        if (!inBody && Accept("["))
        {
            if (_v3)
            {
                Expression();
            }
            else
            {
                Expect("int");
            }

            Expect("]");
        }

        return true;
    }

    private void ExpressionList(string closer)
    {
        Expression();
        while (Accept(","))
        {
            if (_v3 && Kind == closer)
            {
                break;
            }

            Expression();
        }

        Expect(closer);
    }

    // Loosest first: + -, then * / (and % in 3), then unary -, then the right-associative power.
    private void Expression()
    {
        Term();
        while (Accept("+") || Accept("-"))
        {
            Term();
        }
    }

    private void Term()
    {
        Unary();
        while (Accept("*") || Accept("/"))
        {
            Unary();
        }
    }

    private void Unary()
    {
        if (Accept("-"))
        {
            Unary();
            return;
        }

        Power();
    }

    private void Power()
    {
        Primary();
        if (Accept(_v3 ? "**" : "^"))
        {
            Unary();
        }
    }

    private void Primary()
    {
        if (Accept("("))
        {
            Expression();
            Expect(")");
            return;
        }

        if (Accept("real") || Accept("int") || (!_v3 && Accept("pi")))
        {
            return;
        }

        if (!_v3 && Kind is "sin" or "cos" or "tan" or "exp" or "ln" or "sqrt")
        {
            _i++;
            Expect("(");
            Expression();
            Expect(")");
            return;
        }

        Require(Accept("id"), $"expected an expression at {Here}");
        if (_v3 && Accept("("))
        {
            ExpressionList(")");
        }
    }
}
