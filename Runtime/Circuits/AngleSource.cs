namespace NegLR;

/// <summary>Where a gate angle's variable part comes from.</summary>
#if NEGLR_LINKED
internal
#else
public
#endif
enum AngleSource
{
    /// <summary>A fixed number.</summary>
    Constant,
    /// <summary>A trainable weight <c>w[k]</c>.</summary>
    Weight,
    /// <summary>A data feature <c>x[i]</c> (not trained).</summary>
    Input,
}
