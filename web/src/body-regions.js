// The parts of the leg picture: the canonical body_location ids of language/vocabulary.yml,
// the plain name shown as the person's message, and a simple shape in a 160 x 350 view of a
// right leg (front view: its outer side is on the left; back view: on the right).

export const VIEW_BOX = "0 0 160 350";

const LEG_TO_ANKLE =
  "M42,8 H118 C116,50 112,85 108,115 C110,135 110,155 105,172 " +
  "C106,210 100,245 96,270 L97,290";
const ANKLE_TO_LEG =
  "L64,270 C60,245 54,210 55,172 C50,155 50,135 52,115 C48,85 44,50 42,8 Z";

export const VIEWS = [
  {
    id: "front",
    caption: "Front",
    outline: `${LEG_TO_ANKLE} C106,300 113,318 113,338 H47 C47,318 54,300 63,290 ${ANKLE_TO_LEG}`,
    sides: { left: "outer", right: "inner" },
    regions: [
      { id: "front_of_thigh", name: "Front of the thigh",
        shape: ["path", { d: "M47,14 H113 C111,52 108,82 105,110 H55 C52,82 49,52 47,14 Z" }] },
      { id: "outer_knee", name: "Outer side of the knee",
        shape: ["path", { d: "M55,116 H68 V166 H58 C55,150 54,132 55,116 Z" }] },
      { id: "kneecap", name: "Kneecap",
        shape: ["ellipse", { cx: 80, cy: 136, rx: 10, ry: 14 }] },
      { id: "inner_knee", name: "Inner side of the knee",
        shape: ["path", { d: "M92,116 H105 C106,132 105,150 102,166 H92 Z" }] },
      { id: "below_kneecap", name: "Just below the kneecap",
        shape: ["rect", { x: 70, y: 153, width: 20, height: 14, rx: 4 }] },
      { id: "outer_leg", name: "Outer side of the lower leg",
        shape: ["path", { d: "M59,172 H70 V262 H66 C63,235 59,205 59,172 Z" }] },
      { id: "shin", name: "Shin",
        shape: ["path", { d: "M73,172 H101 C100,205 97,235 94,262 H73 Z" }] },
      { id: "ankle", name: "Ankle",
        shape: ["rect", { x: 64, y: 267, width: 23, height: 20, rx: 5 }] },
      { id: "inner_ankle", name: "Inner ankle",
        shape: ["circle", { cx: 95, cy: 277, r: 6.5 }] },
      { id: "top_of_foot", name: "Top of the foot",
        shape: ["path", { d: "M65,292 H95 C102,300 107,310 109,318 H51 C53,310 58,300 65,292 Z" }] },
      { id: "toes", name: "Toes",
        shape: ["rect", { x: 49, y: 321, width: 62, height: 14, rx: 7 }] },
    ],
  },
  {
    id: "back",
    caption: "Back",
    outline: `${LEG_TO_ANKLE} C101,300 99,312 92,316 H68 C61,312 59,300 63,290 ${ANKLE_TO_LEG}`,
    sides: { left: "inner", right: "outer" },
    regions: [
      { id: "back_of_thigh", name: "Back of the thigh",
        shape: ["path", { d: "M47,14 H113 C111,52 108,82 105,110 H55 C52,82 49,52 47,14 Z" }] },
      { id: "back_of_knee", name: "Back of the knee",
        shape: ["path", { d: "M55,116 H105 C106,132 105,150 102,166 H58 C55,150 54,132 55,116 Z" }] },
      { id: "inner_calf", name: "Inner calf",
        shape: ["path", { d: "M59,172 H72 V252 H66 C62,228 59,204 59,172 Z" }] },
      { id: "calf", name: "Calf",
        shape: ["path", { d: "M75,172 H101 C101,202 98,228 94,252 H75 Z" }] },
      { id: "heel", name: "Heel",
        shape: ["path", { d: "M66,292 H94 C97,300 96,308 90,312 H70 C64,308 63,300 66,292 Z" }] },
      { id: "sole", name: "Sole of the foot",
        shape: ["ellipse", { cx: 80, cy: 334, rx: 26, ry: 10 }] },
    ],
  },
];

/** The message that tells the assistant where it hurts (intent give_location). */
export function locationPayload(id) {
  return `/give_location${JSON.stringify({ body_location: id })}`;
}
