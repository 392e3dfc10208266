#include "ui/app/key_queue.hpp"

#include <algorithm>

namespace panelist {

std::vector<KeyQueue::Event> KeyQueue::take_frame() {
    std::vector<Event> frame;
    std::vector<int> changed; // keys that went down or up in this frame: a handful at most
    bool text = false;
    while (!events_.empty()) {
        const Event& next = events_.front();
        if (next.is_text) {
            text = true;
        } else {
            if (text) break;
            if (next.action == press_ || next.action == release_) {
                if (std::find(changed.begin(), changed.end(), next.key) != changed.end()) break;
                changed.push_back(next.key);
            }
        }
        frame.push_back(next);
        events_.pop_front();
    }
    return frame;
}

} // namespace panelist
