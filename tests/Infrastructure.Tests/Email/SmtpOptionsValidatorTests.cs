using ChatbotOrleans.Silo.Email;
using Shouldly;

namespace ChatbotOrleans.Infrastructure.Tests.Email;

public sealed class SmtpOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid_and_use_the_pickup_folder()
    {
        var options = new SmtpOptions();

        new SmtpOptionsValidator().Validate(null, options).Succeeded.ShouldBeTrue();
        options.UsesServer.ShouldBeFalse();
    }

    [Theory]
    [InlineData(0, "chatbot@example.com", null, "Smtp:Port")]
    [InlineData(70000, "chatbot@example.com", null, "Smtp:Port")]
    [InlineData(587, "not an address", null, "Smtp:SenderAddress")]
    [InlineData(587, "Chatbot <chatbot@example.com>", null, "Smtp:SenderAddress")]
    [InlineData(587, "chatbot@example.com", "secret", "Smtp:Password")]
    public void A_mistake_is_named_by_its_key(int port, string sender, string? password, string key)
    {
        var result = new SmtpOptionsValidator().Validate(null, new SmtpOptions { Host = "smtp.example.com", Port = port, SenderAddress = sender, Password = password });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain(key);
    }
}
