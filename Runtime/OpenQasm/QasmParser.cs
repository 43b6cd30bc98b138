using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NegLR;

/// <summary>
/// Reads OpenQASM statements one at a time (so the importer can report problems in source order): OpenQASM 2.0, or
/// the subset of OpenQASM 3 that <see cref="OpenQasm.Export(Circuit, QasmVersion, IReadOnlyList{double}?, IReadOnlyList{double}?, QasmExportOptions?)"/>
/// writes (see QasmParser.Version3.cs). It checks syntax and which identifiers an expression may use; gate, register
/// and arity checks belong to the importer.
/// </summary>
/// <remarks>
/// A missing piece ("expected ';' after 'h q[0]'") is reported just after the last token read, where the piece belongs;
/// a token that cannot start anything is reported where it stands.
/// </remarks>
internal sealed partial class QasmParser
{
    private static readonly HashSet<string> ReservedWords = new()
    {
        "OPENQASM", "include", "qreg", "creg", "gate", "opaque", "barrier", "measure", "reset", "if", "pi",
        "sin", "cos", "tan", "exp", "ln", "sqrt",
    };

    private readonly string _source;
    private readonly QasmLexer _lexer;
    private QasmToken _current;
    private QasmToken _previous;
    private QasmToken? _peeked;
    private int _statementStart;

    public QasmParser(string source)
    {
        _source = source;
        _lexer = new QasmLexer(source);
        _current = _lexer.Next();
    }

    /// <summary>The language version the header names (2 until <see cref="ParseHeader"/> reads a 3).</summary>
    public QasmVersion Version { get; private set; } = QasmVersion.OpenQasm2;

    private bool IsVersion3 => Version == QasmVersion.OpenQasm3;

    /// <summary>Where the text ends (for problems with the program as a whole).</summary>
    public QasmPosition EndPosition => _current.Kind == QasmTokenKind.EndOfInput ? _current.Position : _previous.EndPosition;

    /// <summary>Reads the mandatory <c>OPENQASM 2.0;</c> or <c>OPENQASM 3.0;</c> (also <c>3</c> and <c>3.1</c>).</summary>
    public void ParseHeader()
    {
        _statementStart = _current.Offset;
        if (!_current.Is("OPENQASM"))
        {
            throw QasmException.At(
                _current.Position,
                $"expected the header 'OPENQASM 2.0;' or 'OPENQASM 3.0;' at the start of the program, found {_current.Describe()}");
        }

        Advance();
        if (_current.Kind is not (QasmTokenKind.Real or QasmTokenKind.Integer))
        {
            throw Missing("the version number 2.0 or 3.0");
        }

        if (_current.Number == 2.0)
        {
            Version = QasmVersion.OpenQasm2;
        }
        else if (_current.Number >= 3 && _current.Number < 4 && !_current.Text.Contains('e', System.StringComparison.OrdinalIgnoreCase))
        {
            Version = QasmVersion.OpenQasm3;

            // The token after the ';' is the first one lexed as OpenQASM 3.
            _lexer.OpenQasm3 = true;
        }
        else
        {
            throw QasmException.At(
                _current.Position, $"unsupported OpenQASM version '{_current.Text}': NegLR imports OpenQASM 2.0 and 3");
        }

        Advance();
        Expect(QasmTokenKind.Semicolon, "';'");
    }

    /// <summary>The next top-level statement, or null at the end of the text.</summary>
    public QasmStatement? Next()
    {
        if (_current.Kind == QasmTokenKind.EndOfInput)
        {
            return null;
        }

        _statementStart = _current.Offset;
        if (IsVersion3)
        {
            return Next3();
        }

        var first = _current;
        if (first.Kind != QasmTokenKind.Identifier)
        {
            throw QasmException.At(
                first.Position,
                $"expected a statement (qreg, creg, include, gate, opaque, a gate application, measure, reset or barrier), found {first.Describe()}");
        }

        switch (first.Text)
        {
            case "OPENQASM":
                throw QasmException.At(first.Position, "the 'OPENQASM' header may only appear once, at the start of the program");
            case "if":
                throw QasmException.At(
                    first.Position, "classical control ('if') is not supported: NegLR simulates circuits without classical feedback");
            case "include":
                return ParseInclude();
            case "qreg":
            case "creg":
                return ParseRegister();
            case "gate":
            case "opaque":
                return ParseGateDeclaration();
            case "barrier":
                Advance();
                return FinishBarrier(first.Position, inBody: false);
            case "measure":
                return ParseMeasure();
            case "reset":
                return ParseReset();
            default:
                return ParseGateCall(scope: null);
        }
    }

    private QasmInclude ParseInclude()
    {
        var keyword = Advance();
        if (_current.Kind != QasmTokenKind.String)
        {
            throw Missing("a file name in double quotes");
        }

        var file = Advance();
        Expect(QasmTokenKind.Semicolon, "';'");
        return new QasmInclude(keyword.Position, file.Text, file.Position);
    }

    private QasmRegisterDeclaration ParseRegister()
    {
        var keyword = Advance();
        var name = DeclaredName("a register name");
        Expect(QasmTokenKind.LeftBracket, "'['");
        var (size, sizePosition) = ExpectInteger("the register size");
        Expect(QasmTokenKind.RightBracket, "']'");
        Expect(QasmTokenKind.Semicolon, "';'");
        return new QasmRegisterDeclaration(keyword.Position, keyword.Text == "qreg", name, size, sizePosition);
    }

    private QasmGateDeclaration ParseGateDeclaration()
    {
        var keyword = Advance();
        var name = DeclaredName("a gate name");
        var parameters = new List<QasmName>();
        if (Accept(QasmTokenKind.LeftParen))
        {
            if (_current.Kind != QasmTokenKind.RightParen)
            {
                do
                {
                    parameters.Add(DeclaredName("a parameter name"));
                }
                while (AcceptListComma(QasmTokenKind.RightParen));
            }

            Expect(QasmTokenKind.RightParen, "',' or ')'");
        }

        var qubits = new List<QasmName>();
        do
        {
            qubits.Add(DeclaredName("a qubit argument name"));
        }
        while (AcceptListComma(QasmTokenKind.LeftBrace));

        if (keyword.Text == "opaque")
        {
            Expect(QasmTokenKind.Semicolon, "';'");
            return new QasmGateDeclaration(keyword.Position, name, parameters, qubits, null);
        }

        Expect(QasmTokenKind.LeftBrace, "',' or '{'");
        var brace = _previous.Position;
        var scope = new QasmScope(name.Text, parameters);
        var body = new List<QasmStatement>();
        while (!Accept(QasmTokenKind.RightBrace))
        {
            if (_current.Kind == QasmTokenKind.EndOfInput)
            {
                throw QasmException.At(brace, $"unterminated gate body: the '{{' of gate '{name.Text}' is never closed by '}}'");
            }

            body.Add(ParseBodyStatement(scope));
        }

        return new QasmGateDeclaration(keyword.Position, name, parameters, qubits, body);
    }

    private QasmStatement ParseBodyStatement(QasmScope scope)
    {
        _statementStart = _current.Offset;
        var first = _current;
        if (first.Kind != QasmTokenKind.Identifier)
        {
            throw QasmException.At(
                first.Position, $"expected a gate application or '}}' in the body of gate '{scope.Gate}', found {first.Describe()}");
        }

        if (first.Text == "barrier")
        {
            Advance();
            return FinishBarrier(first.Position, inBody: true);
        }

        if (IsVersion3)
        {
            RejectUnsupported3(first, inBody: true);
            if (first.Text == "gphase")
            {
                return ParseGateCall(scope);
            }
        }

        if (IsReserved(first.Text))
        {
            throw QasmException.At(
                first.Position,
                $"'{first.Text}' is not allowed in the body of gate '{scope.Gate}': a body holds only gate applications and barriers (is a '}}' missing?)");
        }

        return ParseGateCall(scope);
    }

    private QasmGateCall ParseGateCall(QasmScope? scope)
    {
        var nameToken = Advance();
        var parameters = new List<QasmExpression>();
        if (Accept(QasmTokenKind.LeftParen))
        {
            if (_current.Kind != QasmTokenKind.RightParen)
            {
                do
                {
                    parameters.Add(ParseExpression(scope));
                }
                while (AcceptListComma(QasmTokenKind.RightParen));
            }

            Expect(QasmTokenKind.RightParen, "',' or ')'");
        }

        // OpenQASM 3's gphase is the one gate applied to no qubits.
        var arguments = IsVersion3 && nameToken.Text == "gphase" && _current.Kind == QasmTokenKind.Semicolon
            ? new List<QasmArgument>()
            : ParseArguments(inBody: scope is not null);
        Expect(QasmTokenKind.Semicolon, "';'");
        return new QasmGateCall(new QasmName(nameToken.Text, nameToken.Position), parameters, arguments);
    }

    private QasmBarrier FinishBarrier(QasmPosition position, bool inBody)
    {
        var arguments = IsVersion3 && _current.Kind == QasmTokenKind.Semicolon ? new List<QasmArgument>() : ParseArguments(inBody);
        Expect(QasmTokenKind.Semicolon, "';'");
        return new QasmBarrier(position, arguments);
    }

    private QasmMeasure ParseMeasure()
    {
        var keyword = Advance();
        var qubit = ParseArgument(inBody: false);
        Expect(QasmTokenKind.Arrow, "'->'");
        var bit = ParseArgument(inBody: false);
        Expect(QasmTokenKind.Semicolon, "';'");
        return new QasmMeasure(keyword.Position, qubit, bit);
    }

    private QasmReset ParseReset()
    {
        var keyword = Advance();
        var qubit = ParseArgument(inBody: false);
        Expect(QasmTokenKind.Semicolon, "';'");
        return new QasmReset(keyword.Position, qubit);
    }

    private List<QasmArgument> ParseArguments(bool inBody)
    {
        var arguments = new List<QasmArgument>();
        do
        {
            arguments.Add(ParseArgument(inBody));
        }
        while (AcceptListComma(QasmTokenKind.Semicolon));

        return arguments;
    }

    private QasmArgument ParseArgument(bool inBody)
    {
        if (_current.Kind != QasmTokenKind.Identifier)
        {
            throw Missing(inBody ? "a qubit argument name" : "a register name");
        }

        var name = Advance();
        if (_current.Kind != QasmTokenKind.LeftBracket)
        {
            return new QasmArgument(new QasmName(name.Text, name.Position), null, name.Position);
        }

        if (inBody)
        {
            // Gate bodies are templates over their qubit arguments; registers do not exist inside them.
            throw QasmException.At(
                _current.Position, $"a gate body refers to qubits by argument name only: indexing '{name.Text}[...]' is not allowed");
        }

        Advance();
        var (index, indexPosition) = ExpectInteger("an index");
        Expect(QasmTokenKind.RightBracket, "']'");
        return new QasmArgument(new QasmName(name.Text, name.Position), index, indexPosition);
    }

    private QasmName DeclaredName(string what)
    {
        if (_current.Kind != QasmTokenKind.Identifier)
        {
            throw Missing(what);
        }

        if (IsReserved(_current.Text))
        {
            throw QasmException.At(_current.Position, $"'{_current.Text}' is a reserved word and cannot be used as {what}");
        }

        var token = Advance();
        return new QasmName(token.Text, token.Position);
    }

    private (int Value, QasmPosition Position) ExpectInteger(string what)
    {
        if (_current.Kind != QasmTokenKind.Integer)
        {
            throw Missing("an integer (" + what + ")");
        }

        var token = Advance();
        if (!int.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
        {
            throw QasmException.At(token.Position, $"the integer '{token.Text}' ({what}) is too large");
        }

        return (value, token.Position);
    }

    private bool IsReserved(string word) => IsReservedWord(word, Version);

    /// <summary>True for the keywords and built-in names of <paramref name="version"/>.</summary>
    public static bool IsReservedWord(string word, QasmVersion version) =>
        version == QasmVersion.OpenQasm3 ? ReservedWords3.Contains(word) : ReservedWords.Contains(word);

    /// <summary>
    /// Accepts the ',' between list items. OpenQASM 3 also allows one after the last item: then the list ends at
    /// <paramref name="closer"/>, which is left for the caller.
    /// </summary>
    private bool AcceptListComma(QasmTokenKind closer)
    {
        if (!Accept(QasmTokenKind.Comma))
        {
            return false;
        }

        return !(IsVersion3 && _current.Kind == closer);
    }

    private void Expect(QasmTokenKind kind, string what)
    {
        if (!Accept(kind))
        {
            throw Missing(what);
        }
    }

    private bool Accept(QasmTokenKind kind)
    {
        if (_current.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private QasmToken Advance()
    {
        _previous = _current;
        _current = _peeked ?? _lexer.Next();
        _peeked = null;
        return _previous;
    }

    /// <summary>The kind of the token after <see cref="_current"/> (one token of lookahead, lexed once).</summary>
    private QasmTokenKind PeekKind() => (_peeked ??= _lexer.Next()).Kind;

    /// <summary>"expected X after 'statement so far', found Y", placed just after the last token read.</summary>
    private QasmException Missing(string what) =>
        QasmException.At(
            _previous.EndPosition,
            $"expected {what} after '{Snippet(_statementStart, _previous.End)}', found {_current.Describe()}");

    /// <summary>Source text between two offsets on one line, shortened from the left to keep messages readable.</summary>
    private string Snippet(int start, int end)
    {
        const int MaxLength = 40;
        var sb = new StringBuilder();
        bool space = false;
        for (int i = start; i < end; i++)
        {
            char c = _source[i];
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.Length <= MaxLength ? sb.ToString() : "..." + sb.ToString(sb.Length - MaxLength, MaxLength);
    }

    /// <summary>The gate definition whose body is being read: its parameters are what expressions may name.</summary>
    private sealed class QasmScope
    {
        public QasmScope(string gate, IReadOnlyList<QasmName> parameters)
        {
            Gate = gate;
            Parameters = parameters;
            Index = new Dictionary<string, int>(parameters.Count, System.StringComparer.Ordinal);
            for (int i = 0; i < parameters.Count; i++)
            {
                Index.TryAdd(parameters[i].Text, i);
            }
        }

        public string Gate { get; }

        public IReadOnlyList<QasmName> Parameters { get; }

        /// <summary>Parameter name → position (a lookup per reference, so huge parameter lists stay linear).</summary>
        public Dictionary<string, int> Index { get; }
    }
}
