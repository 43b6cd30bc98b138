namespace NegLR;

/// <summary>The Pauli axis of a single-qubit rotation, as templates take it (PennyLane's <c>rotation="X"</c>).</summary>
#if NEGLR_LINKED
internal
#else
public
#endif
enum Rotation
{
    /// <summary>RX.</summary>
    X,
    /// <summary>RY.</summary>
    Y,
    /// <summary>RZ.</summary>
    Z,
}
