using System.Collections.Generic;

namespace NegLR;

// OpenQASM 3: the subset NegLR's exporter writes, read with the grammar's syntax (openqasm/openqasm,
// source/grammar/qasm3Parser.g4): include, qubit/bit (and the old qreg/creg) declarations, 'input float[64]' and
// 'input angle' parameters, gate definitions, gate calls, gphase, measurement in its three forms, reset and barrier.
// Everything else in the language is recognised by its keyword and rejected with a message saying so.
internal sealed partial class QasmParser
{
    // The keywords and built-ins of OpenQASM 3 (qasm3Lexer.g4), plus the constants: none may name a register, gate,
    // parameter or input.
    private static readonly HashSet<string> ReservedWords3 = new()
    {
        "OPENQASM", "include", "defcalgrammar", "def", "cal", "defcal", "gate", "extern", "box", "let", "break", "continue",
        "if", "else", "end", "return", "for", "while", "in", "switch", "case", "default", "nop", "pragma", "input", "output",
        "const", "readonly", "mutable", "qreg", "qubit", "creg", "bool", "bit", "int", "uint", "float", "angle", "complex",
        "array", "void", "duration", "stretch", "gphase", "inv", "pow", "ctrl", "negctrl", "durationof", "delay", "reset",
        "measure", "barrier", "true", "false", "im", "pi", "π", "tau", "τ", "euler", "ℇ", "U",
    };

    private QasmStatement Next3()
    {
        var first = _current;
        if (first.Kind == QasmTokenKind.At)
        {
            throw QasmException.At(first.Position, Unsupported3("annotations ('@...')"));
        }

        if (first.Kind != QasmTokenKind.Identifier)
        {
            throw QasmException.At(
                first.Position,
                "expected a statement (include, qubit, bit, input, gate, a gate application, gphase, measure, reset or barrier), "
                + $"found {first.Describe()}");
        }

        RejectUnsupported3(first, inBody: false);
        switch (first.Text)
        {
            case "OPENQASM":
                throw QasmException.At(first.Position, "the 'OPENQASM' header may only appear once, at the start of the program");
            case "include":
                return ParseInclude();
            case "qreg":
            case "creg":
                return ParseOldStyleRegister();
            case "qubit":
            case "bit":
                return ParseTypedRegister();
            case "input":
                return ParseInput();
            case "gate":
                return ParseGateDeclaration();
            case "barrier":
                Advance();
                return FinishBarrier(first.Position, inBody: false);
            case "measure":
                return ParseMeasure3(first.Position, bit: null);
            case "reset":
                return ParseReset();
            case "opaque":
                throw QasmException.At(
                    first.Position, "'opaque' is OpenQASM 2.0: OpenQASM 3 has no opaque gates (declare a 'gate' with a body)");
            default:
                break;
        }

        // An identifier: a gate call 'g(…) q;', or an assignment 'c = measure q;' / 'c[0] = measure q[0];'.
        var next = PeekKind();
        if (next is QasmTokenKind.Equals or QasmTokenKind.LeftBracket)
        {
            var target = ParseArgument(inBody: false);
            if (_current.Kind != QasmTokenKind.Equals)
            {
                throw Missing("'=' (an assignment 'bits = measure qubits;')");
            }

            Advance();
            if (!_current.Is("measure"))
            {
                throw QasmException.At(
                    _current.Position,
                    $"only a measurement can be assigned to '{target}' ('{target} = measure q;'): NegLR has no classical computation");
            }

            return ParseMeasure3(first.Position, target);
        }

        return ParseGateCall(scope: null);
    }

    /// <summary>Throws for an OpenQASM 3 construct outside the subset, named by its first token.</summary>
    private void RejectUnsupported3(QasmToken first, bool inBody)
    {
        string? what = first.Text switch
        {
            "if" or "else" or "for" or "while" or "switch" or "case" or "default" or "break" or "continue" or "end" or "return" =>
                $"control flow ('{first.Text}')",
            "def" or "extern" => $"subroutines ('{first.Text}')",
            "let" => "aliases ('let')",
            "const" or "int" or "uint" or "float" or "angle" or "bool" or "complex" or "array" or "duration" or "stretch" =>
                $"classical variables ('{first.Text}'): angles are passed as 'input float[64] name;' or 'input angle name;'",
            "output" => "'output' declarations",
            "ctrl" or "negctrl" or "inv" or "pow" => $"gate modifiers ('{first.Text} @')",
            "delay" or "box" or "nop" or "durationof" => $"timing ('{first.Text}')",
            "cal" or "defcal" or "defcalgrammar" => $"pulse-level calibration ('{first.Text}')",
            "pragma" => "pragmas",
            _ => null,
        };
        if (what is null && inBody && first.Text is "qubit" or "bit" or "input" or "gate" or "measure" or "reset" or "include")
        {
            what = $"'{first.Text}' in a gate body (a body holds only gate applications and gphase; is a '}}' missing?)";
        }

        if (what is not null)
        {
            throw QasmException.At(first.Position, Unsupported3(what));
        }
    }

    private static string Unsupported3(string what) =>
        $"{what} not supported: NegLR imports the OpenQASM 3 subset its exporter writes (include, qubit and bit registers, "
        + "'input' angles, gate definitions and applications, gphase, measure, reset, barrier)";

    /// <summary><c>qreg q[5];</c> or <c>creg c;</c> (OpenQASM 3 keeps the old declarations; the size may be left out).</summary>
    private QasmRegisterDeclaration ParseOldStyleRegister()
    {
        var keyword = Advance();
        var name = DeclaredName("a register name");
        var (size, sizePosition) = (1, name.Position);
        if (Accept(QasmTokenKind.LeftBracket))
        {
            (size, sizePosition) = ExpectInteger("the register size");
            Expect(QasmTokenKind.RightBracket, "']'");
        }

        Expect(QasmTokenKind.Semicolon, "';'");
        return new QasmRegisterDeclaration(keyword.Position, keyword.Text == "qreg", name, size, sizePosition);
    }

    /// <summary><c>qubit[5] q;</c>, <c>qubit q;</c>, <c>bit[5] c;</c> or <c>bit c;</c>.</summary>
    private QasmRegisterDeclaration ParseTypedRegister()
    {
        var keyword = Advance();
        int size = 1;
        QasmPosition? sizePosition = null;
        if (Accept(QasmTokenKind.LeftBracket))
        {
            var (value, position) = ExpectInteger("the register size");
            (size, sizePosition) = (value, position);
            Expect(QasmTokenKind.RightBracket, "']'");
        }

        var name = DeclaredName("a register name");
        if (_current.Kind == QasmTokenKind.Equals)
        {
            throw QasmException.At(
                _current.Position,
                $"a declaration with a value is not supported: declare '{name.Text}' first, then assign it ('{name.Text} = measure q;')");
        }

        Expect(QasmTokenKind.Semicolon, "';'");
        return new QasmRegisterDeclaration(keyword.Position, keyword.Text == "qubit", name, size, sizePosition ?? name.Position);
    }

    /// <summary><c>input float[64] name;</c>, <c>input float name;</c>, <c>input angle[32] name;</c> or <c>input angle name;</c>.</summary>
    private QasmInputDeclaration ParseInput()
    {
        var keyword = Advance();
        if (!(_current.Is("float") || _current.Is("angle")))
        {
            throw _current.Kind == QasmTokenKind.Identifier && ReservedWords3.Contains(_current.Text)
                ? QasmException.At(
                    _current.Position,
                    $"an input of type '{_current.Text}' is not supported: NegLR's inputs are angles ('input float[64] name;' or 'input angle name;')")
                : Missing("the type 'float' or 'angle'");
        }

        Advance();
        if (Accept(QasmTokenKind.LeftBracket))
        {
            var (bits, bitsPosition) = ExpectInteger("the number of bits");
            if (bits < 1)
            {
                throw QasmException.At(bitsPosition, "the number of bits must be at least 1");
            }

            Expect(QasmTokenKind.RightBracket, "']'");
        }

        var name = DeclaredName("an input name");
        Expect(QasmTokenKind.Semicolon, "';'");
        if (_inputs.ContainsKey(name.Text))
        {
            throw QasmException.At(name.Position, $"input '{name.Text}' is already declared");
        }

        int index = _inputs.Count;
        _inputs.Add(name.Text, index);
        return new QasmInputDeclaration(keyword.Position, name, index);
    }

    /// <summary><c>measure q -> c;</c>, <c>measure q;</c>, or the rest of <c>c = measure q;</c> (with the target given).</summary>
    private QasmMeasure ParseMeasure3(QasmPosition position, QasmArgument? bit)
    {
        Advance();
        var qubit = ParseArgument(inBody: false);
        if (bit is null && Accept(QasmTokenKind.Arrow))
        {
            bit = ParseArgument(inBody: false);
        }

        Expect(QasmTokenKind.Semicolon, "';'");
        return new QasmMeasure(position, qubit, bit);
    }
}
