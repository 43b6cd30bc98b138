using System.Globalization;

// Linked into the Generator and the Analyzers (netstandard2.0) with the parser.
namespace NegLR;

/// <summary>
/// Why a Pauli-sum text could not be read: the 0-based character <see cref="Position"/> and what was expected there.
/// <see cref="PauliSum.TryParse(string?, out PauliSum?, out PauliParseError?)"/> returns one instead of throwing.
/// </summary>
#if NEGLR_LINKED
internal
#else
public
#endif
sealed class PauliParseError
{
    /// <summary>Creates an error at <paramref name="position"/> with a short <paramref name="description"/>.</summary>
    public PauliParseError(int position, string description)
    {
        Position = position;
        Description = description ?? string.Empty;
    }

    /// <summary>0-based index of the character where reading failed (the text's length when it ended too early).</summary>
    public int Position { get; }

    /// <summary>What was expected or wrong, e.g. <c>expected a qubit index after 'Z'</c>.</summary>
    public string Description { get; }

    /// <summary>The position and description, e.g. <c>at position 7: expected a qubit index after 'Z'</c>.</summary>
    public string Message => string.Format(CultureInfo.InvariantCulture, "at position {0}: {1}", Position, Description);

    /// <inheritdoc/>
    public override string ToString() => Message;
}
