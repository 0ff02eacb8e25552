/* The printed handout's QR code, drawn in the browser from the page's address.
   Drawing it here, not at build time, keeps the build's cost flat however many pages there are;
   the code takes well under a millisecond. Without JavaScript the handout still prints the address
   as text. The encoder is lean-qr's "nano" build, served from this site (assets/vendor/) and
   fetched only by pages that have a handout. */

const SVG = "http://www.w3.org/2000/svg";
const QUIET = 2; // modules of white border; the handout's white page adds more

/* One <path> of 1x1 squares, one "M x y h1v1h-1z" per dark module. */
function qrPath(code) {
  let d = "";
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size; x++) {
      if (code.get(x, y)) d += `M${x + QUIET} ${y + QUIET}h1v1h-1z`;
    }
  }
  return d;
}

async function draw() {
  const holders = [...document.querySelectorAll("[data-qr]")].filter((holder) => !holder.querySelector("svg"));
  if (!holders.length) return;
  const { generate, correction } = await import("./vendor/lean-qr-nano.js");
  for (const holder of holders) {
    if (holder.querySelector("svg")) continue; // drawn meanwhile (instant navigation)
    const url = holder.getAttribute("data-qr");
    let code;
    try {
      code = generate(url, { minCorrectionLevel: correction.M });
    } catch (error) {
      continue; // too long to encode: the printed address is still there
    }
    const side = code.size + 2 * QUIET;
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", `0 0 ${side} ${side}`);
    svg.setAttribute("class", "ls-qr");
    svg.setAttribute("shape-rendering", "crispEdges");
    const title = document.createElementNS(SVG, "title");
    title.textContent = "QR code for " + url;
    const back = document.createElementNS(SVG, "rect");
    back.setAttribute("width", side);
    back.setAttribute("height", side);
    back.setAttribute("fill", "#fff");
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", qrPath(code));
    path.setAttribute("fill", "#000");
    svg.append(title, back, path);
    holder.append(svg);
  }
}

if (window.document$ && window.document$.subscribe) window.document$.subscribe(draw);
else draw();
