// Plain C# that builds for netstandard2.0 too (only APIs both targets have): the generator can later read device
// profiles given as AdditionalFiles with this very parser, and report its errors at the same JSON paths.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NegLR;

/// <summary>What kind of JSON value a <see cref="JsonValue"/> is.</summary>
internal enum JsonKind
{
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}

/// <summary>
/// A parsed JSON value with its JSON path and source position, so every later error can say where it is. A small,
/// strict RFC 8259 parser (no comments, no trailing commas, numbers as doubles, duplicate keys refused) — the profile
/// files are small, and a dependency-free parser is one the source generator can link too.
/// </summary>
internal sealed class JsonValue
{
    private JsonValue(JsonKind kind, string path, int line, int column)
    {
        Kind = kind;
        Path = path;
        Line = line;
        Column = column;
    }

    public JsonKind Kind { get; }

    /// <summary>The JSON path, e.g. <c>$.gates[3].qubits[1]</c>.</summary>
    public string Path { get; }

    public int Line { get; }

    public int Column { get; }

    public bool Boolean { get; private set; }

    public double Number { get; private set; }

    public string? Text { get; private set; }

    public List<JsonValue>? Items { get; private set; }

    /// <summary>Object members in file order.</summary>
    public List<KeyValuePair<string, JsonValue>>? Members { get; private set; }

    /// <summary>The member called <paramref name="name"/>, or null.</summary>
    public JsonValue? Get(string name)
    {
        if (Members is null)
        {
            return null;
        }

        foreach (var m in Members)
        {
            if (m.Key == name)
            {
                return m.Value;
            }
        }

        return null;
    }

    /// <summary>Parses <paramref name="text"/>; a syntax error is a <see cref="DeviceProfileException"/> with path, line and column.</summary>
    public static JsonValue Parse(string text)
    {
        var parser = new Parser(text);
        parser.SkipWhitespace();
        var value = parser.ParseValue("$", 0);
        parser.SkipWhitespace();
        if (!parser.AtEnd)
        {
            throw parser.Error("$", "unexpected text after the end of the document");
        }

        return value;
    }

    /// <summary>Text for messages: <c>the number 1.5</c>, <c>the string "x"</c>, <c>an object</c>.</summary>
    public string Describe() => Kind switch
    {
        JsonKind.Null => "null",
        JsonKind.Boolean => Boolean ? "true" : "false",
        JsonKind.Number => "the number " + Number.ToString("R", CultureInfo.InvariantCulture),
        JsonKind.String => "the string \"" + Text + "\"",
        JsonKind.Array => "an array",
        _ => "an object",
    };

    private sealed class Parser
    {
        private const int MaxDepth = 64;
        private readonly string _text;
        private int _pos;
        private int _line = 1;
        private int _lineStart;

        public Parser(string text) => _text = text;

        public bool AtEnd => _pos >= _text.Length;

        public JsonValue ParseValue(string path, int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error(path, $"nesting deeper than {MaxDepth} levels");
            }

            if (AtEnd)
            {
                throw Error(path, "the document ends where a value was expected");
            }

            char c = _text[_pos];
            int line = _line, column = Column;
            switch (c)
            {
                case '{':
                    return ParseObject(path, depth, line, column);
                case '[':
                    return ParseArray(path, depth, line, column);
                case '"':
                    return new JsonValue(JsonKind.String, path, line, column) { Text = ParseString(path) };
                case 't':
                    Expect("true", path);
                    return new JsonValue(JsonKind.Boolean, path, line, column) { Boolean = true };
                case 'f':
                    Expect("false", path);
                    return new JsonValue(JsonKind.Boolean, path, line, column) { Boolean = false };
                case 'n':
                    Expect("null", path);
                    return new JsonValue(JsonKind.Null, path, line, column);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return new JsonValue(JsonKind.Number, path, line, column) { Number = ParseNumber(path) };
                    }

                    throw Error(path, $"unexpected character '{c}' where a value was expected");
            }
        }

        private JsonValue ParseObject(string path, int depth, int line, int column)
        {
            _pos++;
            var members = new List<KeyValuePair<string, JsonValue>>();
            var value = new JsonValue(JsonKind.Object, path, line, column) { Members = members };
            SkipWhitespace();
            if (!AtEnd && _text[_pos] == '}')
            {
                _pos++;
                return value;
            }

            while (true)
            {
                SkipWhitespace();
                if (AtEnd || _text[_pos] != '"')
                {
                    throw Error(path, "expected a member name in double quotes");
                }

                string name = ParseString(path);
                string memberPath = path + "." + name;
                foreach (var m in members)
                {
                    if (m.Key == name)
                    {
                        throw Error(memberPath, $"the member \"{name}\" appears twice");
                    }
                }

                SkipWhitespace();
                if (AtEnd || _text[_pos] != ':')
                {
                    throw Error(memberPath, "expected ':' after the member name");
                }

                _pos++;
                SkipWhitespace();
                members.Add(new KeyValuePair<string, JsonValue>(name, ParseValue(memberPath, depth + 1)));
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Error(path, "the document ends inside an object (missing '}')");
                }

                if (_text[_pos] == ',')
                {
                    _pos++;
                    continue;
                }

                if (_text[_pos] == '}')
                {
                    _pos++;
                    return value;
                }

                throw Error(memberPath, $"expected ',' or '}}' after the member, found '{_text[_pos]}'");
            }
        }

        private JsonValue ParseArray(string path, int depth, int line, int column)
        {
            _pos++;
            var items = new List<JsonValue>();
            var value = new JsonValue(JsonKind.Array, path, line, column) { Items = items };
            SkipWhitespace();
            if (!AtEnd && _text[_pos] == ']')
            {
                _pos++;
                return value;
            }

            while (true)
            {
                SkipWhitespace();
                string itemPath = path + "[" + items.Count.ToString(CultureInfo.InvariantCulture) + "]";
                items.Add(ParseValue(itemPath, depth + 1));
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Error(path, "the document ends inside an array (missing ']')");
                }

                if (_text[_pos] == ',')
                {
                    _pos++;
                    continue;
                }

                if (_text[_pos] == ']')
                {
                    _pos++;
                    return value;
                }

                throw Error(itemPath, $"expected ',' or ']' after the item, found '{_text[_pos]}'");
            }
        }

        private string ParseString(string path)
        {
            _pos++;
            var sb = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw Error(path, "the document ends inside a string (missing '\"')");
                }

                char c = _text[_pos++];
                if (c == '"')
                {
                    return sb.ToString();
                }

                if (c < ' ')
                {
                    throw Error(path, "a control character inside a string (escape it)");
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }

                if (AtEnd)
                {
                    throw Error(path, "the document ends inside an escape sequence");
                }

                char e = _text[_pos++];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (_pos + 4 > _text.Length || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                        {
                            throw Error(path, "\\u must be followed by four hexadecimal digits");
                        }

                        sb.Append((char)code);
                        _pos += 4;
                        break;
                    default:
                        throw Error(path, $"unknown escape sequence '\\{e}'");
                }
            }
        }

        private double ParseNumber(string path)
        {
            int start = _pos;
            if (_text[_pos] == '-')
            {
                _pos++;
            }

            int digits = _pos;
            while (!AtEnd && _text[_pos] >= '0' && _text[_pos] <= '9')
            {
                _pos++;
            }

            if (_pos == digits || (_text[digits] == '0' && _pos - digits > 1))
            {
                throw Error(path, "a malformed number (digits, no leading zeros)");
            }

            if (!AtEnd && _text[_pos] == '.')
            {
                _pos++;
                int fraction = _pos;
                while (!AtEnd && _text[_pos] >= '0' && _text[_pos] <= '9')
                {
                    _pos++;
                }

                if (_pos == fraction)
                {
                    throw Error(path, "a malformed number (digits must follow '.')");
                }
            }

            if (!AtEnd && (_text[_pos] == 'e' || _text[_pos] == 'E'))
            {
                _pos++;
                if (!AtEnd && (_text[_pos] == '+' || _text[_pos] == '-'))
                {
                    _pos++;
                }

                int exponent = _pos;
                while (!AtEnd && _text[_pos] >= '0' && _text[_pos] <= '9')
                {
                    _pos++;
                }

                if (_pos == exponent)
                {
                    throw Error(path, "a malformed number (digits must follow the exponent)");
                }
            }

            double value = double.Parse(_text.Substring(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(value))
            {
                throw Error(path, "a number too large for a double");
            }

            return value;
        }

        private void Expect(string word, string path)
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
            {
                throw Error(path, $"unexpected text where a value was expected (did you mean {word}?)");
            }

            _pos += word.Length;
        }

        public void SkipWhitespace()
        {
            while (!AtEnd)
            {
                char c = _text[_pos];
                if (c == '\n')
                {
                    _line++;
                    _lineStart = _pos + 1;
                }
                else if (c != ' ' && c != '\t' && c != '\r')
                {
                    return;
                }

                _pos++;
            }
        }

        private int Column => _pos - _lineStart + 1;

        public DeviceProfileException Error(string path, string message) =>
            new($"{path}: {message} (line {_line}, column {Column}).", path, _line, Column);
    }
}
