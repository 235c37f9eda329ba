namespace ChatbotOrleans.Grains.Abstractions;

/// <summary>
/// A message among its versions: the messages that follow the same one (an edit of a user message, a
/// regenerated reply). Switching to another version switches the whole branch below it.
/// </summary>
/// <param name="Number">Which version it is, from 1, oldest first.</param>
/// <param name="Count">How many versions there are.</param>
/// <param name="Previous">The sequence of the version before it, 0 for none.</param>
/// <param name="Next">The sequence of the version after it, 0 for none.</param>
/// <param name="OnCurrentPath">Whether it is on the path the page and the model see (an archive holds the others too).</param>
[GenerateSerializer, Immutable, Alias("MessageVersions")]
public sealed record MessageVersions(
    [property: Id(0)] int Number,
    [property: Id(1)] int Count,
    [property: Id(2)] long Previous,
    [property: Id(3)] long Next,
    [property: Id(4)] bool OnCurrentPath = true);
