def show(calls):
    for c in calls:
        print("  >>", c.method, repr(c.text[:300]), c.keyboard or "")

def test_smoke(telegram, slack, services):
    print("\nCOMPLAINT"); sent = telegram.say("my knee hurts and my foot is all pins and needles"); show(sent)
    last = sent[-1]
    print("\nPRESS"); 
    if last.keyboard:
        sent = telegram.press(last, last.keyboard[0][1]["text"] if len(last.keyboard[0])>1 else last.keyboard[1][0]["text"]); show(sent)
    print("\nWHAT IS SCIATICA"); show(telegram.say("what is sciatica?"))
    print("\nLONG"); show(telegram.say("my knee hurts " * 400))
    print("\nRED FLAG"); show(telegram.say("I can't feel between my legs and I've wet myself"))
    for i in range(8):
        sent = telegram.say("no"); show(sent)
