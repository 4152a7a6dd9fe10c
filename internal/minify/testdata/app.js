// live progress
(function () {
  var counter = 0;
  function increment(amount) { counter = counter + amount; return counter; }
  window.milepost = { increment: increment };
})();
