<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActivitiesScreen</name>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="83"/>
        <source>Hoạt động</source>
        <translation>Activities</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="117"/>
        <source>Tên, địa điểm, nội dung…</source>
        <translation>Name, location, details…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="119"/>
        <source>Gõ có dấu hay không dấu đều được: “hoi nghi” tìm ra “Hội nghị” (Ctrl+F)</source>
        <translation>Vietnamese accents are optional: typing without them also finds accented words (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="121"/>
        <source>Tìm hoạt động</source>
        <translation>Search activities</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="122"/>
        <source>&amp;Tìm:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="151"/>
        <source>Lọc theo nhiệm vụ</source>
        <translation>Filter by task</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="152"/>
        <source>Tất cả nhiệm vụ</source>
        <translation>All tasks</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="125"/>
        <source>Nhiệm &amp;vụ:</source>
        <translation>&amp;Task:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="128"/>
        <source>Lọc theo kỳ báo cáo</source>
        <translation>Filter by reporting period</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="131"/>
        <source>Kỳ &amp;báo cáo:</source>
        <translation>Reporting &amp;period:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="133"/>
        <location filename="../../ui/screens/activities/screen.py" line="503"/>
        <source>Thùng &amp;rác</source>
        <translation>Recycle &amp;bin</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="135"/>
        <source>Xem thùng rác</source>
        <translation>Show recycle bin</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="136"/>
        <source>Xem các hoạt động đã xóa; có thể khôi phục lại</source>
        <translation>Show deleted activities; they can be restored</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="164"/>
        <source>Thêm h&amp;oạt động</source>
        <translation>&amp;Add activity</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="165"/>
        <source>Ghi một hoạt động mới (Ctrl+N)</source>
        <translation>Record a new activity (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="166"/>
        <source>&amp;Xóa</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="167"/>
        <source>Chuyển hoạt động đang chọn vào thùng rác (Del)</source>
        <translation>Move the selected activity to the recycle bin (Del)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="168"/>
        <source>&amp;Khôi phục</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="169"/>
        <source>Đưa hoạt động đang chọn ra khỏi thùng rác</source>
        <translation>Take the selected activity out of the recycle bin</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="172"/>
        <source>Số hoạt động đang hiển thị</source>
        <translation>Number of activities shown</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="176"/>
        <source>In tổn&amp;g hợp…</source>
        <translation>Print s&amp;ummary…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="178"/>
        <source>In bảng tổng hợp tình hình thực hiện và các hoạt động của kỳ đang chọn</source>
        <translation>Print the summary of progress and activities for the chosen period</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="196"/>
        <source>&amp;Hoàn tác</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="197"/>
        <source>Đưa hoạt động vừa xóa trở lại (Ctrl+Z)</source>
        <translation>Bring back the activity you just deleted (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="200"/>
        <source>Đóng thông báo</source>
        <translation>Close notice</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="216"/>
        <source>Danh sách hoạt động</source>
        <translation>Activity list</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="350"/>
        <source>Tất cả các kỳ</source>
        <translation>All periods</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="365"/>
        <source>Hoạt động từ %1 đến %2</source>
        <translation>Activities from %1 to %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="387"/>
        <source>Chưa có hoạt động nào để in.</source>
        <translation>There are no activities to print yet.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="407"/>
        <source>Đang tạo bảng tổng hợp…</source>
        <translation>Making the summary…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="417"/>
        <source>Tổng hợp tình hình thực hiện kế hoạch</source>
        <translation>Summary of progress on the plan</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="483"/>
        <source>Đang tải… (đã hiện %1 hoạt động mới nhất)</source>
        <translation>Loading… (showing the %1 most recent activities)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="488"/>
        <source>Thùng rác: hiển thị %1/%2 hoạt động đã xóa</source>
        <translation>Recycle bin: showing %1 of %2 deleted activities</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="494"/>
        <source>Hiển thị %1/%2 hoạt động</source>
        <translation>Showing %1 of %2 activities</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="501"/>
        <source>Thùng &amp;rác (%1)</source>
        <translation>Recycle &amp;bin (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="514"/>
        <source>Thùng rác trống.</source>
        <translation>The recycle bin is empty.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="516"/>
        <source>Không có hoạt động đã xóa nào khớp với điều kiện tìm.</source>
        <translation>No deleted activities match the search.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="518"/>
        <source>Chọn một hoạt động trong thùng rác để xem hoặc khôi phục.</source>
        <translation>Select an activity in the recycle bin to view or restore it.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="520"/>
        <source>Chưa có hoạt động nào.</source>
        <translation>No activities yet.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="522"/>
        <source>Chưa có hoạt động nào được ghi.

Bấm “Thêm hoạt động” (Ctrl+N) để ghi hoạt động đầu tiên: ngày, nhiệm vụ, việc đã làm, số liệu chỉ tiêu và ảnh, tệp minh chứng.</source>
        <translation>No activities have been recorded yet.

Click “Add activity” (Ctrl+N) to record the first one: the date, the task, what was done, indicator figures, and photos or files as evidence.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="528"/>
        <source>Không có hoạt động nào khớp với điều kiện tìm. Thử bỏ bớt chữ tìm, chọn “Tất cả nhiệm vụ” hoặc “Tất cả các kỳ”.</source>
        <translation>No activities match the search. Try fewer search words, or choose “All tasks” or “All periods”.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="531"/>
        <location filename="../../ui/screens/activities/screen.py" line="534"/>
        <source>Chọn một hoạt động trong danh sách để xem và sửa.</source>
        <translation>Select an activity in the list to view and edit it.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="594"/>
        <source>Đã lưu</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="697"/>
        <source>Đã thêm hoạt động “%1”</source>
        <translation>Activity “%1” added</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="712"/>
        <source>Xóa hoạt động</source>
        <translation>Delete activity</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="714"/>
        <source>Chuyển hoạt động “%1” vào thùng rác?

Có thể khôi phục lại từ Thùng rác.</source>
        <translation>Move the activity “%1” to the recycle bin?

You can restore it from the Recycle bin.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="716"/>
        <source>Chuyển vào thùng rác</source>
        <translation>Move to recycle bin</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="717"/>
        <source>Không xóa</source>
        <translation>Don&apos;t delete</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="730"/>
        <source>Đã chuyển “%1” vào thùng rác.</source>
        <translation>“%1” moved to the recycle bin.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="733"/>
        <source>Đã chuyển hoạt động vào thùng rác — bấm Hoàn tác (Ctrl+Z) để lấy lại</source>
        <translation>Activity moved to the recycle bin — click Undo (Ctrl+Z) to bring it back</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="755"/>
        <source>Còn có thể hoàn tác các lần xóa trước.</source>
        <translation>Earlier deletions can still be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="756"/>
        <source>Đã khôi phục hoạt động</source>
        <translation>Activity restored</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/screen.py" line="770"/>
        <source>Đã khôi phục “%1” — hoạt động đã trở lại danh sách</source>
        <translation>“%1” restored — the activity is back in the list</translation>
    </message>
</context>
<context>
    <name>ActivityEditor</name>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="92"/>
        <source>Hoạt động đang xem</source>
        <translation>Activity being viewed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="95"/>
        <source>Hoạt động này đang ở thùng rác. Bấm “Khôi phục” để sửa lại.</source>
        <translation>This activity is in the recycle bin. Click “Restore” to edit it again.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="119"/>
        <source>Minh chứng</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="122"/>
        <source>Tệp minh chứng</source>
        <translation>Evidence files</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="124"/>
        <location filename="../../ui/screens/activities/editor.py" line="209"/>
        <source>Chưa có tệp minh chứng. Kéo thả ảnh, tệp vào đây hoặc bấm “Thêm tệp…”.</source>
        <translation>No evidence files yet. Drag photos or files here, or click “Add file…”.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="129"/>
        <source>Thêm tệ&amp;p…</source>
        <translation>Add &amp;file…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="130"/>
        <source>Chọn ảnh, văn bản scan… để đính kèm</source>
        <translation>Choose photos, scanned documents… to attach</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="131"/>
        <source>&amp;Mở</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="132"/>
        <source>Mở tệp đang chọn bằng chương trình của máy</source>
        <translation>Open the selected file with this computer&apos;s usual program</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="133"/>
        <source>&amp;Gỡ</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="134"/>
        <source>Gỡ tệp đang chọn khỏi hoạt động này</source>
        <translation>Remove the selected file from this activity</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="105"/>
        <source>&amp;Lịch sử thay đổi…</source>
        <translation>&amp;History of changes…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="109"/>
        <source>Trạng thái lưu</source>
        <translation>Save status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="77"/>
        <source>Chọn một hoạt động trong danh sách để xem và sửa.</source>
        <translation>Select an activity in the list to view and edit it.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="207"/>
        <source>Không có tệp minh chứng.</source>
        <translation>No evidence files.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="213"/>
        <source>Tự động lưu khi gõ</source>
        <translation>Saved automatically as you type</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="251"/>
        <source>Tên hoạt động không được để trống; đã giữ lại tên cũ.</source>
        <translation>The activity name cannot be empty; the previous name has been kept.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="256"/>
        <source>Tên hoạt động không được để trống; tên cũ vẫn được giữ.</source>
        <translation>The activity name cannot be empty; the previous name is kept.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="300"/>
        <location filename="../../ui/screens/activities/editor.py" line="335"/>
        <source>Đã lưu lúc %1</source>
        <translation>Saved at %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="314"/>
        <location filename="../../ui/screens/activities/editor.py" line="321"/>
        <source>Đổi nhiệm vụ</source>
        <translation>Change task</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="316"/>
        <source>Hoạt động này đã có số liệu chỉ tiêu của nhiệm vụ %1. Đổi sang nhiệm vụ %2 thì các số liệu đó sẽ bị xóa (vẫn ghi trong lịch sử thay đổi).

Vẫn đổi nhiệm vụ?</source>
        <translation>This activity already has indicator figures for task %1. Changing to task %2 will delete those figures (they stay in the history of changes).

Change the task anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="322"/>
        <source>Không đổi</source>
        <translation>Don&apos;t change</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="345"/>
        <source>Chọn tệp minh chứng</source>
        <translation>Choose evidence files</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="347"/>
        <source>Ảnh và tài liệu (%1);;Tất cả các tệp (*)</source>
        <translation>Photos and documents (%1);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="372"/>
        <source>Đang chép %1 tệp…</source>
        <translation>Copying %1 file(s)…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="374"/>
        <source>Đang chép tệp…</source>
        <translation>Copying files…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="391"/>
        <source>Đã thêm %1 tệp minh chứng</source>
        <translation>%1 evidence file(s) added</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="432"/>
        <source>Không mở được tệp “%1”.</source>
        <translation>Could not open the file “%1”.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="439"/>
        <source>Máy tính chưa có chương trình mở được tệp “%1”.</source>
        <translation>This computer has no program that can open the file “%1”.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="442"/>
        <source>Tệp đã được chép ra %1</source>
        <translation>The file has been copied to %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="451"/>
        <source>Gỡ minh chứng</source>
        <translation>Remove evidence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="453"/>
        <source>Gỡ tệp “%1” khỏi hoạt động này?

Việc gỡ được ghi trong lịch sử thay đổi.</source>
        <translation>Remove the file “%1” from this activity?

The removal is recorded in the history of changes.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="455"/>
        <source>Gỡ tệp</source>
        <translation>Remove file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="456"/>
        <source>Không gỡ</source>
        <translation>Don&apos;t remove</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/editor.py" line="465"/>
        <source>Đã gỡ tệp minh chứng</source>
        <translation>Evidence file removed</translation>
    </message>
</context>
<context>
    <name>ActivityForm</name>
    <message>
        <location filename="../../ui/widgets/activity_form.py" line="74"/>
        <source>Ngày thực hiện</source>
        <translation>Date carried out</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/activity_form.py" line="77"/>
        <source>Nhiệm vụ của kế hoạch</source>
        <translation>Plan task</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/activity_form.py" line="88"/>
        <source>Tên hoạt động</source>
        <translation>Activity name</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/activity_form.py" line="89"/>
        <source>Ví dụ: Hội nghị tuyên truyền tại xã Ia Glai</source>
        <translation>For example: Awareness meeting in Ia Glai commune</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/activity_form.py" line="92"/>
        <source>Nội dung, kết quả</source>
        <translation>Details and results</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/activity_form.py" line="93"/>
        <source>Đã làm gì, với ai, kết quả ra sao</source>
        <translation>What was done, with whom, and the results</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/activity_form.py" line="97"/>
        <source>Địa điểm</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/activity_form.py" line="98"/>
        <source>Ví dụ: Hội trường UBND huyện</source>
        <translation>For example: District People&apos;s Committee hall</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/activity_form.py" line="101"/>
        <source>Ngà&amp;y:</source>
        <translation>Dat&amp;e:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/activity_form.py" line="102"/>
        <source>Nh&amp;iệm vụ:</source>
        <translation>Tas&amp;k:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/activity_form.py" line="103"/>
        <source>Tê&amp;n hoạt động:</source>
        <translation>Activity &amp;name:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/activity_form.py" line="104"/>
        <source>Nội &amp;dung:</source>
        <translation>Deta&amp;ils:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/activity_form.py" line="105"/>
        <source>Đị&amp;a điểm:</source>
        <translation>&amp;Location:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/activity_form.py" line="112"/>
        <source>Chỉ tiêu</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/activity_form.py" line="138"/>
        <source>Lỗi</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <location filename="../../ui/widgets/backup_panel.py" line="40"/>
        <source>Sao lưu và khôi phục</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/backup_panel.py" line="47"/>
        <source>Sao lưu tự động:</source>
        <translation>Automatic backups:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/backup_panel.py" line="51"/>
        <source> ngày</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/backup_panel.py" line="53"/>
        <source>&amp;Giữ bản sao lưu tự động:</source>
        <translation>&amp;Keep automatic backups for:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/backup_panel.py" line="57"/>
        <source>Tiến Độ tự sao lưu vào thư mục dữ liệu mỗi ngày và khi đóng. Hãy sao lưu thêm ra ổ USB để phòng khi máy tính hỏng.</source>
        <translation>Tiến Độ backs itself up to the data folder every day and when it closes. Also back up to a USB drive in case the computer breaks down.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/backup_panel.py" line="75"/>
        <source>&amp;Sao lưu ngay…</source>
        <translation>&amp;Back up now…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/backup_panel.py" line="77"/>
        <source>&amp;Khôi phục…</source>
        <translation>R&amp;estore…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/backup_panel.py" line="92"/>
        <source>gần nhất lúc %1 (%2 bản)</source>
        <translation>latest at %1 (%2 kept)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/backup_panel.py" line="97"/>
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/backup_panel.py" line="111"/>
        <source>Chọn nơi lưu bản sao lưu (ví dụ ổ USB)</source>
        <translation>Choose where to save the backup (for example a USB drive)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/backup_panel.py" line="131"/>
        <source>Đang sao lưu…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/backup_panel.py" line="138"/>
        <source>Đã sao lưu.</source>
        <translation>Backup complete.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/backup_panel.py" line="141"/>
        <source>Đã sao lưu</source>
        <translation>Backup complete</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/backup_panel.py" line="183"/>
        <source>Đã khôi phục</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/backup_panel.py" line="184"/>
        <source>Đã khôi phục dữ liệu. Tiến Độ sẽ đóng lại; hãy mở lại để tiếp tục làm việc.</source>
        <translation>The data has been restored. Tiến Độ will now close; open it again to carry on working.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/backup_panel.py" line="66"/>
        <source>&lt;b&gt;Bản sao lưu không chứa khóa ký.&lt;/b&gt; Khôi phục sang máy mới thì dữ liệu đầy đủ nhưng chưa ký được gói báo cáo hay biên nhận: cần nhập bản sao khóa ký có mật khẩu (Cài đặt › Khóa ký › Xuất bản sao có mật khẩu…), hoặc tạo khóa mới rồi đăng ký lại.</source>
        <translation>&lt;b&gt;Backups do not hold the signing key.&lt;/b&gt; Restored on a new PC, the data is complete but cannot sign report packages or receipts: import the passphrase-protected copy of the signing key (Settings › Signing key › Export a passphrase-protected copy…), or make a new key and enroll it again.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/backup_panel.py" line="143"/>
        <source>Bản sao lưu đã được lưu:
%1

Bản sao lưu không chứa khóa ký; khóa ký được cất riêng bằng “Xuất bản sao có mật khẩu…” trong phần Khóa ký.</source>
        <translation>The backup was saved:
%1

Backups do not hold the signing key; keep the key apart with “Export a passphrase-protected copy…” under Signing key.</translation>
    </message>
</context>
<context>
    <name>ChartBox</name>
    <message>
        <location filename="../../ui/widgets/charts.py" line="95"/>
        <source>Lưu ảnh…</source>
        <translation>Save picture…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/charts.py" line="97"/>
        <source>Lưu biểu đồ thành tệp ảnh PNG, ví dụ để đưa vào bài trình chiếu</source>
        <translation>Save the chart as a PNG picture, for a slide for example</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/charts.py" line="99"/>
        <source>Lưu ảnh biểu đồ: %1</source>
        <translation>Save the chart as a picture: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/charts.py" line="118"/>
        <source>Lưu biểu đồ thành ảnh</source>
        <translation>Save the chart as a picture</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/charts.py" line="120"/>
        <source>Ảnh PNG (*.png)</source>
        <translation>PNG pictures (*.png)</translation>
    </message>
</context>
<context>
    <name>CompletenessCharts</name>
    <message>
        <location filename="../../ui/widgets/charts.py" line="301"/>
        <source>Báo cáo theo kỳ</source>
        <translation>Reports by period</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/charts.py" line="302"/>
        <source>Báo cáo theo loại đơn vị</source>
        <translation>Reports by kind of unit</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/charts.py" line="334"/>
        <source>báo cáo</source>
        <translation>reports</translation>
    </message>
</context>
<context>
    <name>DirectoriesScreen</name>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="60"/>
        <source>Danh mục đơn vị</source>
        <translation>Unit directories</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="63"/>
        <source>Danh mục đơn vị là danh sách các đơn vị mà kế hoạch giao nhiệm vụ: xã, phường theo danh mục hành chính chính thức, cùng các sở, ban, ngành, cơ quan báo chí, cơ quan Đảng do Sở thêm vào. Mỗi lần lưu tạo một phiên bản mới của danh mục.</source>
        <translation>A unit directory lists the units plans give tasks to: communes and wards from the official administrative list, and the departments, press and Party bodies the province adds. Every save makes a new version of the directory.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="88"/>
        <source>Các danh mục Sở đang giữ:</source>
        <translation>Directories the province keeps:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="91"/>
        <source>&amp;Tạo danh mục từ danh sách hành chính…</source>
        <translation>&amp;Build a directory from the administrative list…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="98"/>
        <source>Danh mục</source>
        <translation>Directory</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="99"/>
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="100"/>
        <source>Số đơn vị theo nhóm</source>
        <translation>Units per group</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="101"/>
        <source>Kế hoạch dùng</source>
        <translation>Used by plans</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="108"/>
        <source>Các danh mục đơn vị</source>
        <translation>Unit directories</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="130"/>
        <source>Tì&amp;m:</source>
        <translation>Fi&amp;nd:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="132"/>
        <source>tên, mã hành chính hoặc mã đơn vị</source>
        <translation>name, official code or unit id</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="134"/>
        <source>Tìm đơn vị</source>
        <translation>Find a unit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="144"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="144"/>
        <source>Mã hành chính</source>
        <translation>Official code</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="144"/>
        <source>Tên ngắn</source>
        <translation>Short name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="144"/>
        <source>Mã đơn vị</source>
        <translation>Unit id</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="146"/>
        <source>Các đơn vị của danh mục, theo nhóm</source>
        <translation>The directory&apos;s units, by group</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="157"/>
        <source>Thêm &amp;cơ quan (theo mẫu)…</source>
        <translation>Add a &amp;body (from a template)…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="159"/>
        <source>&amp;Sửa…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="161"/>
        <source>&amp;Xóa khỏi danh mục…</source>
        <translation>&amp;Remove from the directory…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="180"/>
        <source>%1 (lưu %2)</source>
        <translation>%1 (saved %2)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="182"/>
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="200"/>
        <source>Phiên bản %1: %2, %3</source>
        <translation>Version %1: %2, %3</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="216"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="243"/>
        <source>Đơn vị trong danh mục «%1» (%2 đơn vị):</source>
        <translation>Units of «%1» (%2 units):</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="318"/>
        <source>Đơn vị hành chính theo danh sách chính thức: không sửa, không xóa ở đây.</source>
        <translation>An administrative unit of the official list: it is not edited or removed here.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="353"/>
        <source>Xóa %1 khỏi danh mục? Danh mục được lưu thành phiên bản mới; báo cáo, khóa và số liệu đã nhận của đơn vị vẫn giữ nguyên. Nếu một kế hoạch còn giao nhiệm vụ cho đơn vị này, danh mục không thay đổi.</source>
        <translation>Remove %1 from the directory? The directory is saved as a new version; the unit&apos;s reports, keys and figures received stay. If a plan still gives this unit a task, the directory does not change.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="357"/>
        <source>Xóa đơn vị</source>
        <translation>Remove unit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="357"/>
        <source>&amp;Xóa</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="357"/>
        <source>&amp;Không</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="362"/>
        <source>Đã thêm %1.</source>
        <translation>Added %1.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="367"/>
        <source>Đã lưu %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="376"/>
        <source>Đã xóa %1.</source>
        <translation>Removed %1.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="402"/>
        <source>Danh mục «%1» đã lưu thành phiên bản %2.</source>
        <translation>Directory «%1» saved as version %2.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="446"/>
        <source>Đang tạo danh mục %1…</source>
        <translation>Building the directory of %1…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="468"/>
        <source>Đã tạo danh mục %1: %2 đơn vị (%3).</source>
        <translation>Built the directory of %1: %2 units (%3).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/screen.py" line="483"/>
        <source>Đã hủy; danh mục không thay đổi.</source>
        <translation>Cancelled; the directory did not change.</translation>
    </message>
</context>
<context>
    <name>DropArea</name>
    <message>
        <location filename="../../ui/screens/province_import.py" line="70"/>
        <source>Kéo thả tệp gói báo cáo (.tdpkg) hoặc thư mục chứa gói vào đây</source>
        <translation>Drop report package files (.tdpkg) or a folder of packages here</translation>
    </message>
</context>
<context>
    <name>DueReportsList</name>
    <message>
        <location filename="../../ui/screens/overview.py" line="169"/>
        <source>Báo cáo cần gửi của từng kế hoạch</source>
        <translation>Reports to send for each plan</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="223"/>
        <source>Báo cáo %1 — quá hạn (hạn %2)</source>
        <translation>Report for %1 — overdue (due %2)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="236"/>
        <source>Không có báo cáo nào cần gửi.</source>
        <translation>No report to send.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="243"/>
        <source>Tiếp theo: báo cáo %1 — hạn %2 (%3)</source>
        <translation>Next: report for %1 — due %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="251"/>
        <source>Báo cáo %1 — hạn %2 (%3)</source>
        <translation>Report for %1 — due %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="262"/>
        <source>hôm nay</source>
        <translation>today</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="262"/>
        <source>còn %1 ngày</source>
        <translation>%1 days left</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="267"/>
        <source>Mở báo cáo này (Enter)</source>
        <translation>Open this report (Enter)</translation>
    </message>
</context>
<context>
    <name>ExportDoneDialog</name>
    <message>
        <location filename="../../ui/screens/outbox_dialogs.py" line="29"/>
        <source>Đã xuất gói báo cáo</source>
        <translation>Report package exported</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox_dialogs.py" line="33"/>
        <source>Gói báo cáo %1, lần %2 (số thứ tự %3) đã được lưu:</source>
        <translation>The report package for %1, revision %2 (sequence number %3) was saved:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox_dialogs.py" line="41"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2 KB)&lt;br&gt;trong thư mục %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2 KB)&lt;br&gt;in the folder %3</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox_dialogs.py" line="52"/>
        <source>&lt;b&gt;Bước tiếp theo&lt;/b&gt;&lt;ol&gt;&lt;li&gt;Gửi đúng tệp này cho %1: đính kèm vào thư điện tử, hoặc chép vào USB mang đến. Không cần nén hay đổi tên tệp.&lt;/li&gt;&lt;li&gt;Sở kiểm tra chữ ký, nhập gói và gửi lại một &lt;b&gt;tệp biên nhận&lt;/b&gt; (.tdr).&lt;/li&gt;&lt;li&gt;Khi nhận được biên nhận, nhấp đúp vào tệp đó hoặc bấm “Nhập biên nhận của tỉnh…” trên màn hình này: báo cáo chuyển sang “Tỉnh đã nhận”.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;b&gt;Next steps&lt;/b&gt;&lt;ol&gt;&lt;li&gt;Send exactly this file to %1: attach it to an e-mail, or copy it to a USB stick and take it there. No need to zip or rename it.&lt;/li&gt;&lt;li&gt;The department checks the signature, imports the package and sends back a &lt;b&gt;receipt file&lt;/b&gt; (.tdr).&lt;/li&gt;&lt;li&gt;When the receipt arrives, double-click it or press “Import the province’s receipt…” on this screen: the report becomes “Received by the province”.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox_dialogs.py" line="66"/>
        <source>&amp;Mở thư mục</source>
        <translation>&amp;Open folder</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox_dialogs.py" line="69"/>
        <source>Đó&amp;ng</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>FingerprintDialog</name>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="83"/>
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="101"/>
        <location filename="../../ui/screens/province_keys.py" line="84"/>
        <source>Mã khóa:</source>
        <translation>Key ID:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="93"/>
        <source>Dấu vân tay của khóa</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="94"/>
        <source>Dấu vân tay:</source>
        <translation>Fingerprint:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="106"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="98"/>
        <source>Gọi điện cho cán bộ của đơn vị, đề nghị họ đọc dấu vân tay hiện trên máy của họ (Cài đặt › Khóa ký). Chỉ xác nhận khi mọi chữ số trùng khớp.</source>
        <translation>Call the unit&apos;s officer and ask them to read the fingerprint shown on their computer (Settings › Signing key). Confirm only when every digit matches.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="82"/>
        <source>Đối chiếu dấu vân tay khóa của Sở</source>
        <translation>Compare the Department key’s fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="86"/>
        <source>Đây là gói kế hoạch đầu tiên %1 gửi cho đơn vị. Trước khi tin cậy, gọi điện cho %1 (hoặc xem công văn gửi kèm) và đề nghị đọc dấu vân tay khóa của Sở. So từng nhóm ký tự với dấu vân tay dưới đây.</source>
        <translation>This is the first plan bundle %1 has sent to this unit. Before trusting it, call %1 (or see the covering letter) and ask them to read out the fingerprint of the Department’s key. Compare each group of characters with the fingerprint below.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="95"/>
        <source>%1 (lần phát hành %2)</source>
        <translation>%1 (revision %2)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="100"/>
        <source>Kế hoạch:</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="107"/>
        <source>&amp;Tôi đã đối chiếu: dấu vân tay Sở đọc trùng khớp từng ký tự với dấu vân tay trên</source>
        <translation>&amp;I have compared: the fingerprint the Department read out matches the one above, character by character</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="113"/>
        <source>Từ nay, khóa này được dùng để kiểm tra các gói kế hoạch và biên nhận của Sở. Nếu dấu vân tay khác dù chỉ một ký tự, bấm Hủy và báo Sở: gói không được thêm.</source>
        <translation>From now on this key checks the Department’s plan bundles and receipts. If even one character differs, click Cancel and tell the Department: the bundle is not added.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="125"/>
        <source>T&amp;in cậy và thêm kế hoạch</source>
        <translation>&amp;Trust and add the plan</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="127"/>
        <source>&amp;Hủy</source>
        <translation>&amp;Cancel</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="211"/>
        <location filename="../../ui/screens/activities/dialogs.py" line="234"/>
        <source>Lịch sử thay đổi</source>
        <translation>History of changes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="214"/>
        <source>Hoạt động: %1</source>
        <translation>Activity: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="218"/>
        <source>Tên hoạt động</source>
        <translation>Activity name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="219"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="220"/>
        <source>Nội dung</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="221"/>
        <source>Địa điểm</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="222"/>
        <source>Nhiệm vụ</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="227"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="228"/>
        <source>Người thực hiện</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="229"/>
        <source>Thay đổi</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="230"/>
        <source>Giá trị cũ</source>
        <translation>Old value</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="231"/>
        <source>Giá trị mới</source>
        <translation>New value</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="263"/>
        <source>Tạo hoạt động</source>
        <translation>Activity created</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="267"/>
        <source>Chỉ tiêu: %1</source>
        <translation>Indicator: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="269"/>
        <source>Thêm minh chứng “%1”</source>
        <translation>Evidence “%1” added</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="271"/>
        <source>Gỡ minh chứng “%1”</source>
        <translation>Evidence “%1” removed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="273"/>
        <source>Chuyển vào thùng rác</source>
        <translation>Moved to the recycle bin</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="274"/>
        <source>Khôi phục từ thùng rác</source>
        <translation>Restored from the recycle bin</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="254"/>
        <source>Chưa có thay đổi nào được ghi lại.</source>
        <translation>No changes have been recorded yet.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="256"/>
        <source>Đó&amp;ng</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>ImportScreen</name>
    <message>
        <location filename="../../ui/screens/province_import.py" line="100"/>
        <source>Nhận gói báo cáo</source>
        <translation>Receive report packages</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="103"/>
        <source>Mỗi gói được kiểm tra chữ ký và toàn bộ nội dung rồi mới nhập; gói không hợp lệ, lần báo cáo cũ hơn lần đã nhập hoặc ký bằng khóa chưa đăng ký đều bị từ chối kèm lý do. Sở ghi biên nhận có chữ ký cho từng gói để gửi lại đơn vị.</source>
        <translation>Each package&apos;s signature and entire contents are checked before it is imported. Invalid packages, revisions older than one already imported, and packages signed with an unregistered key are refused, with the reason. The Department writes a signed receipt for each package to send back to the unit.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="114"/>
        <source>Chọn &amp;tệp gói…</source>
        <translation>Choose package &amp;files…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="116"/>
        <source>Chọn t&amp;hư mục…</source>
        <translation>Choose a f&amp;older…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="124"/>
        <source>Ghi &amp;biên nhận cạnh tệp gói</source>
        <translation>Write &amp;receipts next to the package files</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="128"/>
        <location filename="../../ui/screens/province_import.py" line="129"/>
        <source>Thư mục ghi biên nhận</source>
        <translation>Folder for receipts</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="130"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="145"/>
        <location filename="../../ui/screens/province_import.py" line="392"/>
        <source>Kết quả nhập</source>
        <translation>Import results</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="150"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="151"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="152"/>
        <location filename="../../ui/screens/province_import.py" line="187"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="153"/>
        <location filename="../../ui/screens/province_import.py" line="188"/>
        <source>Kỳ</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="154"/>
        <location filename="../../ui/screens/province_import.py" line="189"/>
        <source>Lần</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="155"/>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="156"/>
        <source>Biên nhận</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="167"/>
        <source>Kết quả nhập từng tệp</source>
        <translation>Import result for each file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="175"/>
        <location filename="../../ui/screens/province_import.py" line="196"/>
        <source>Các gói đã nhận</source>
        <translation>Packages received</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="186"/>
        <source>Ngày nhận</source>
        <translation>Date received</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="190"/>
        <source>Số thứ tự</source>
        <translation>Sequence no.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="191"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="192"/>
        <source>Minh chứng</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="224"/>
        <source>Chọn tệp gói báo cáo</source>
        <translation>Choose report package files</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="226"/>
        <source>Gói báo cáo (*.tdpkg *.zip);;Mọi tệp (*)</source>
        <translation>Report packages (*.tdpkg *.zip);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="272"/>
        <source>Không có tệp gói báo cáo (.tdpkg) nào trong những gì đã chọn.</source>
        <translation>There are no report package files (.tdpkg) in what you chose.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="273"/>
        <source>Gói báo cáo có tên dạng BaoCao_&lt;đơn vị&gt;_&lt;kỳ&gt;_r&lt;lần&gt;.tdpkg.</source>
        <translation>Report packages are named like BaoCao_&lt;unit&gt;_&lt;period&gt;_r&lt;revision&gt;.tdpkg.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="234"/>
        <source>Chọn thư mục chứa gói báo cáo (ví dụ ổ USB)</source>
        <translation>Choose a folder containing report packages (for example a USB drive)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="205"/>
        <source>Nháy đúp vào một gói để đọc báo cáo, minh chứng và kiểm tra chữ ký số trên báo cáo.</source>
        <translation>Double-click a package to read its report and evidence and to check the report&apos;s official signatures.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="241"/>
        <source>Chọn thư mục ghi biên nhận</source>
        <translation>Choose the folder for receipts</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="255"/>
        <source>Đang nhập gói khác; chờ xong rồi thử lại.</source>
        <translation>Another import is in progress; wait for it to finish, then try again.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="263"/>
        <source>Chưa chọn thư mục ghi biên nhận, hoặc thư mục không tồn tại.</source>
        <translation>No folder for receipts has been chosen, or the folder does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="264"/>
        <source>Chọn thư mục, hoặc đánh dấu “Ghi biên nhận cạnh tệp gói”.</source>
        <translation>Choose a folder, or tick “Write receipts next to the package files”.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="306"/>
        <source>Đang kiểm tra và nhập %1 gói…</source>
        <translation>Checking and importing %1 package(s)…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="351"/>
        <source>Đã hủy; các gói đã nhập xong vẫn được giữ, gói đang nhập dở không được ghi.</source>
        <translation>Cancelled; the packages already imported are kept, and the package that was being imported has not been saved.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="360"/>
        <source>Đã nhập</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="361"/>
        <source>Đã nhập trước đó</source>
        <translation>Already imported</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="362"/>
        <source>Từ chối</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="363"/>
        <source>Chưa xử lý</source>
        <translation>Not processed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="396"/>
        <source>Kết quả nhập: %1 tệp — đã nhập %2, đã nhập trước đó %3, từ chối %4</source>
        <translation>Import results: %1 file(s) — %2 imported, %3 already imported, %4 refused</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="407"/>
        <source>Hiện hành</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="407"/>
        <source>Đã được thay</source>
        <translation>Superseded</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="176"/>
        <source>&amp;Xem báo cáo và minh chứng…</source>
        <translation>&amp;Read the report and evidence…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_import.py" line="178"/>
        <source>Đọc báo cáo, bản PDF và các tệp minh chứng của gói đã chọn (hoặc nhấp đúp).</source>
        <translation>Read the selected package&apos;s report, PDF and evidence files (or double-click it).</translation>
    </message>
</context>
<context>
    <name>JobBar</name>
    <message>
        <location filename="../../ui/widgets/job_bar.py" line="21"/>
        <source>&amp;Hủy</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/job_bar.py" line="53"/>
        <source>Đang hủy…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <location filename="../../ui/screens/activities/model.py" line="99"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/model.py" line="100"/>
        <source>Nhiệm vụ</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/model.py" line="101"/>
        <source>Hoạt động</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/model.py" line="102"/>
        <source>Địa điểm</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/model.py" line="103"/>
        <source>Minh chứng</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/model.py" line="105"/>
        <source>%1 tệp</source>
        <translation>%1 file(s)</translation>
    </message>
</context>
<context>
    <name>KeyFilePassphraseDialog</name>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="63"/>
        <source>&amp;Mật khẩu:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="67"/>
        <source>&amp;Nhập lại:</source>
        <translation>&amp;Repeat:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="84"/>
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation>The two passphrases differ.</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="373"/>
        <source>Khóa ký gói báo cáo</source>
        <translation>Report package signing key</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="384"/>
        <source>&amp;Mật khẩu khóa:</source>
        <translation>Key &amp;passphrase:</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="385"/>
        <source>&amp;Nhập lại mật khẩu:</source>
        <translation>&amp;Repeat passphrase:</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="404"/>
        <source>Biên nhận gửi lại cho các đơn vị và kế hoạch gửi xuống được ký bằng khóa riêng của Sở, để đơn vị biết chắc chúng do Sở gửi và không bị sửa.</source>
        <translation>The receipts sent back to the units and the plans sent down to them are signed with the province&apos;s own key, so that the units know for sure the province sent them and nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="409"/>
        <source>Mỗi gói báo cáo gửi lên tỉnh được ký bằng khóa riêng của đơn vị, để tỉnh biết chắc gói do đơn vị gửi và không bị sửa.</source>
        <translation>Each report package sent to the province is signed with the unit&apos;s own key, so that the province knows for sure the unit sent it and nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="415"/>
        <source>Máy này không có kho khóa an toàn của hệ điều hành, nên khóa được lưu trong tệp mã hóa bằng mật khẩu. Hãy chọn mật khẩu và ghi nhớ: cần nhập mỗi lần ký. Không ai lấy lại được mật khẩu đã quên; khi đó phải tạo khóa mới và báo cho nơi nhận đăng ký lại.</source>
        <translation>This computer has no secure keyring, so the key is kept in a file encrypted with a passphrase. Choose a passphrase and remember it: it is needed each time something is signed. Nobody can recover a forgotten passphrase; a new key must then be made and enrolled again by those who receive your files.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="423"/>
        <source>Khóa sẽ được tạo và cất trong kho khóa an toàn của hệ điều hành khi hoàn tất thiết lập.</source>
        <translation>The key will be made and kept in the system&apos;s secure keyring when the setup is complete.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="429"/>
        <source>Khóa ký biên nhận và kế hoạch gửi các đơn vị.</source>
        <translation>The key that signs the receipts and plans sent to the units.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="431"/>
        <source>Khóa ký các gói báo cáo gửi lên tỉnh.</source>
        <translation>The key that signs the report packages sent to the province.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="447"/>
        <source>Mật khẩu cần ít nhất %1 ký tự.</source>
        <translation>The passphrase needs at least %1 characters.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="455"/>
        <source>Hai lần nhập mật khẩu chưa khớp.</source>
        <translation>The two passphrases do not match.</translation>
    </message>
</context>
<context>
    <name>KeysScreen</name>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="152"/>
        <source>Đơn vị và khóa</source>
        <translation>Units and keys</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="155"/>
        <source>Sở chỉ nhận gói báo cáo có chữ ký bằng khóa đã đăng ký của đúng đơn vị. Mỗi đơn vị gửi tệp khóa công khai một lần; trước khi đăng ký, hai bên đọc dấu vân tay của khóa cho nhau qua điện thoại.</source>
        <translation>The Department only accepts report packages signed with the registered key of the right unit. Each unit sends its public key file once; before the key is registered, both sides read its fingerprint to each other over the phone.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="163"/>
        <source>Đăng &amp;ký khóa từ tệp…</source>
        <translation>&amp;Register key from file…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="165"/>
        <source>Nhập tuyên bố đổi &amp;khóa…</source>
        <translation>Import &amp;key change statement…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="167"/>
        <source>&amp;Thu hồi khóa đã chọn…</source>
        <translation>Re&amp;voke selected key…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="176"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="177"/>
        <source>Mã khóa</source>
        <translation>Key ID</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="178"/>
        <source>Dấu vân tay</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="179"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="180"/>
        <source>Ngày đăng ký</source>
        <translation>Date registered</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="187"/>
        <source>Các khóa đã đăng ký</source>
        <translation>Registered keys</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="239"/>
        <source>Chưa có khóa đang dùng (%1 đơn vị): %2</source>
        <translation>No key in use (%1 units): %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="244"/>
        <source>Mọi đơn vị đều đã có khóa đang dùng.</source>
        <translation>Every unit has a key in use.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="255"/>
        <source>Chưa có khóa</source>
        <translation>No key yet</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="281"/>
        <source>Đã thu hồi %1</source>
        <translation>Revoked %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="285"/>
        <source>Đã thay bằng %1</source>
        <translation>Replaced by %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="286"/>
        <source>Đang dùng</source>
        <translation>In use</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="305"/>
        <source>Chọn tệp khóa công khai của đơn vị</source>
        <translation>Choose the unit&apos;s public key file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="336"/>
        <source>Khóa này đã được đăng ký cho %1.</source>
        <translation>This key is already registered for %1.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="357"/>
        <source>Đã đăng ký khóa %1 cho %2.</source>
        <translation>Key %1 registered for %2.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="380"/>
        <source>Đăng ký khóa của đơn vị</source>
        <translation>Register a unit&apos;s key</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="385"/>
        <source>Đăng ký khóa công khai dưới đây cho đơn vị. Từ nay gói báo cáo ký bằng khóa này sẽ được nhận.</source>
        <translation>Register the public key below for the unit. From now on, report packages signed with this key will be accepted.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="387"/>
        <source>Trùng khớp — &amp;đăng ký</source>
        <translation>It matches — &amp;register</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="406"/>
        <source>Thu hồi khóa %1 của %2? Từ nay mọi gói báo cáo ký bằng khóa này sẽ bị từ chối; các gói đã nhập vẫn giữ nguyên. Không thể hoàn tác.</source>
        <translation>Revoke key %1 of %2? From now on, every report package signed with this key will be refused; packages already imported are kept as they are. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="413"/>
        <source>Thu hồi khóa</source>
        <translation>Revoke key</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="413"/>
        <source>&amp;Thu hồi</source>
        <translation>Re&amp;voke</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="413"/>
        <source>&amp;Không</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="426"/>
        <source>Đã thu hồi khóa %1 của %2.</source>
        <translation>Key %1 of %2 revoked.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="437"/>
        <source>Chọn tệp tuyên bố đổi khóa của đơn vị</source>
        <translation>Choose the unit&apos;s key change statement file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="451"/>
        <source>Không đọc được tệp %1.</source>
        <translation>Could not read the file %1.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="459"/>
        <source>Đổi khóa này đã được ghi nhận trước đó.</source>
        <translation>This key change has already been recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="471"/>
        <source>Đã đổi khóa của %1: %2 → %3.</source>
        <translation>Key of %1 changed: %2 → %3.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="480"/>
        <source>Tuyên bố đổi khóa có chữ ký hợp lệ của cả khóa cũ %1 và khóa mới. Sau khi ghi nhận, gói ký bằng khóa cũ sẽ không được nhận nữa. Khóa mới:</source>
        <translation>The key change statement carries valid signatures from both the old key %1 and the new key. Once it is recorded, packages signed with the old key will no longer be accepted. New key:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="484"/>
        <source>Đổi khóa của đơn vị</source>
        <translation>Change a unit&apos;s key</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="489"/>
        <source>Trùng khớp — &amp;ghi nhận đổi khóa</source>
        <translation>It matches — &amp;record the key change</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="307"/>
        <source>Tệp khóa Tiến Độ (*.tdkey *.pub);;Mọi tệp (*)</source>
        <translation>Tien Do key files (*.tdkey *.pub);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="439"/>
        <source>Tuyên bố đổi khóa (*.tdkey *.txt);;Mọi tệp (*)</source>
        <translation>Key rotation statements (*.tdkey *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="350"/>
        <source>Đã thu hồi khóa %1 và đăng ký khóa mới %2 cho %3.</source>
        <translation>Revoked key %1 and enrolled the new key %2 for %3.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="366"/>
        <source>Đăng ký lại khóa của đơn vị</source>
        <translation>Re-enroll the unit&apos;s key</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="371"/>
        <source>Yêu cầu đăng ký lại: đơn vị báo đã mất khóa %1 và tạo khóa mới dưới đây. Khi xác nhận, khóa %1 bị thu hồi (gói ký bằng khóa đó sẽ bị từ chối) và khóa mới được đăng ký. Khóa cũ không ký được gì, nên cuộc gọi đối chiếu là bằng chứng duy nhất: gọi theo số điện thoại Sở đã có của đơn vị.</source>
        <translation>Re-enrollment request: the unit reports it lost key %1 and made the new key below. On confirming, key %1 is revoked (packages signed with it will be refused) and the new key is enrolled. The lost key cannot sign anything, so the phone call is the only proof: call the number the department already has for the unit.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="376"/>
        <source>Trùng khớp — thu hồi khóa cũ và đăng &amp;ký</source>
        <translation>They match — revoke the old key and en&amp;roll</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../ui/main.py" line="53"/>
        <source>Tiến Độ đang mở với thư mục dữ liệu này trong một cửa sổ khác.</source>
        <translation>Tiến Độ is already open with this data folder in another window.</translation>
    </message>
    <message>
        <location filename="../../ui/main.py" line="54"/>
        <source>Hãy dùng cửa sổ đang mở (xem trên thanh tác vụ).</source>
        <translation>Please use the window that is already open (look on the taskbar).</translation>
    </message>
    <message>
        <location filename="../../ui/main.py" line="208"/>
        <source>Dữ liệu bị hỏng và không đọc được thông tin đơn vị.</source>
        <translation>The data is damaged and the unit information cannot be read.</translation>
    </message>
    <message>
        <location filename="../../ui/main.py" line="209"/>
        <source>Hãy khôi phục từ một bản sao lưu (tiendo restore TỆP).</source>
        <translation>Please restore from a backup (tiendo restore FILE).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="36"/>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="37"/>
        <source>Nhiệm vụ</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="38"/>
        <source>Hoạt động</source>
        <translation>Activities</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="39"/>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="40"/>
        <source>Gửi báo cáo</source>
        <translation>Send reports</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="41"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144"/>
        <source>Tệp %1 là gói báo cáo; gói chỉ được nhập ở máy của Sở.</source>
        <translation>%1 is a report package; packages are imported at the Department.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147"/>
        <source>Để gửi báo cáo của đơn vị, dùng màn hình Gửi báo cáo.</source>
        <translation>To send this unit&apos;s report, use the Send reports screen.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="45"/>
        <source>Thêm hoạt động</source>
        <translation>Add activity</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="47"/>
        <source>Tìm hoạt động</source>
        <translation>Search activities</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="50"/>
        <source>Kế hoạch</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="51"/>
        <source>&amp;Thêm kế hoạch…</source>
        <translation>&amp;Add plan…</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/widgets/messages.py" line="39"/>
        <source>Có lỗi</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/messages.py" line="30"/>
        <source>Kiểm tra lại mật khẩu: chữ hoa hay chữ thường, bộ gõ tiếng Việt đang bật hay tắt. Nếu đã quên mật khẩu: nhập bản sao khóa đã cất (Cài đặt › Khóa ký › Nhập khóa từ tệp…), hoặc tạo khóa mới (Cài đặt › Khóa ký › Mất khóa? Tạo khóa mới…) rồi gửi yêu cầu đăng ký lại.</source>
        <translation>Check the passphrase: capital or small letters, and whether the Vietnamese keyboard is on or off. If the passphrase is forgotten: import the key copy you kept (Settings › Signing key › Import the key from a file…), or make a new key (Settings › Signing key › Key lost? Make a new key…) and send the re-enrollment request.</translation>
    </message>
</context>
<context>
    <name>NewActivityDialog</name>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="56"/>
        <source>Thêm hoạt động</source>
        <translation>Add activity</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="87"/>
        <source>Minh chứng (có thể thêm sau)</source>
        <translation>Evidence (can be added later)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="90"/>
        <source>Tệp sẽ đính kèm</source>
        <translation>Files to attach</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="91"/>
        <source>Kéo thả ảnh, tệp vào đây hoặc bấm “Thêm tệp…”.</source>
        <translation>Drag photos or files here, or click “Add file…”.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="98"/>
        <source>Thêm tệ&amp;p…</source>
        <translation>Add &amp;file…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="99"/>
        <source>&amp;Bỏ tệp đã chọn</source>
        <translation>&amp;Remove selected file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="78"/>
        <source>&amp;Lưu hoạt động</source>
        <translation>&amp;Save activity</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="79"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="119"/>
        <source>Chọn tệp minh chứng</source>
        <translation>Choose evidence files</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="121"/>
        <source>Ảnh và tài liệu (%1);;Tất cả các tệp (*)</source>
        <translation>Photos and documents (%1);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="150"/>
        <source>Không thêm được %1 tệp:</source>
        <translation>%1 files could not be added:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/activities/dialogs.py" line="185"/>
        <source>Chưa nhập tên hoạt động.</source>
        <translation>Enter a name for the activity.</translation>
    </message>
</context>
<context>
    <name>OfficialSignatures</name>
    <message>
        <location filename="../../ui/widgets/official.py" line="28"/>
        <source>người có thẩm quyền ký</source>
        <translation>competent signatory</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/official.py" line="30"/>
        <source>cơ quan ban hành</source>
        <translation>issuing agency</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/official.py" line="31"/>
        <source>không rõ vai trò</source>
        <translation>unknown role</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/official.py" line="85"/>
        <source>Tệp PDF không có chữ ký số.</source>
        <translation>The PDF has no official signature.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/official.py" line="91"/>
        <source>không rõ người ký</source>
        <translation>unknown signer</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/official.py" line="98"/>
        <source>ký lúc %1</source>
        <translation>signed at %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/official.py" line="101"/>
        <source>Chứng thư do %1 cấp</source>
        <translation>Certificate issued by %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/official.py" line="115"/>
        <source>hợp lệ</source>
        <translation>valid</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/official.py" line="120"/>
        <source>nguyên vẹn, chưa đối chiếu chứng thư gốc (nhập trong Cài đặt)</source>
        <translation>intact, not yet checked against a root certificate (import one in Settings)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/official.py" line="125"/>
        <source>KHÔNG hợp lệ</source>
        <translation>NOT valid</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <location filename="../../ui/screens/outbox.py" line="49"/>
        <source>Số thứ tự</source>
        <translation>Sequence no.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="50"/>
        <source>Báo cáo</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="51"/>
        <source>Lần</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="52"/>
        <source>Ngày xuất</source>
        <translation>Date exported</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="53"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="54"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="84"/>
        <source>Tỉnh đã nhận %1</source>
        <translation>Received by the province %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="86"/>
        <source>Đã xuất, chờ biên nhận</source>
        <translation>Exported, awaiting receipt</translation>
    </message>
</context>
<context>
    <name>OutboxScreen</name>
    <message>
        <location filename="../../ui/screens/outbox.py" line="120"/>
        <source>Gửi báo cáo lên tỉnh</source>
        <translation>Send reports to the province</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="105"/>
        <source>Báo cáo đã ký số bằng USB token được gửi đúng bản đã ký.</source>
        <translation>A report signed with the USB tokens is sent exactly as signed.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="109"/>
        <source>Chữ ký này không thay chữ ký của lãnh đạo: bản giấy vẫn cần ký và đóng dấu.</source>
        <translation>This signature does not replace the leader&apos;s: the paper copy still needs the signature and the seal.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="141"/>
        <source>&amp;Báo cáo:</source>
        <translation>&amp;Report:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="144"/>
        <source>Báo cáo cần gửi</source>
        <translation>Report to send</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="147"/>
        <source>&amp;Xuất gói báo cáo…</source>
        <translation>&amp;Export report package…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="153"/>
        <location filename="../../ui/screens/outbox.py" line="163"/>
        <source>Các gói đã xuất</source>
        <translation>Packages exported</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="166"/>
        <source>&amp;Mở thư mục chứa gói</source>
        <translation>&amp;Open package folder</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="169"/>
        <source>Nhập &amp;biên nhận của tỉnh…</source>
        <translation>Import the province&apos;s &amp;receipt…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="171"/>
        <source>Tệp biên nhận (.tdr) Sở gửi lại sau khi nhận gói báo cáo</source>
        <translation>The receipt file (.tdr) the Department sends back after receiving a package</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="224"/>
        <source>%1 — lần %2</source>
        <translation>%1 — revision %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="209"/>
        <source>Chưa có báo cáo đã chốt</source>
        <translation>No finalized reports yet</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="100"/>
        <source>Gói báo cáo gồm báo cáo đã chốt, bản PDF và các minh chứng, có chữ ký xác thực của phần mềm (cho cơ quan theo dõi kế hoạch biết gói do máy của đơn vị gửi). Lưu gói vào USB hoặc đính kèm thư điện tử gửi %1.</source>
        <translation>A report package holds the finalized report, its PDF and the evidence, with the software&apos;s authentication signature (so the monitoring body knows the package came from the unit&apos;s computer). Save the package to a USB stick or attach it to an e-mail to %1.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="213"/>
        <source>Khóa ký của đơn vị: %1 — dấu vân tay %2</source>
        <translation>Unit signing key: %1 — fingerprint %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="248"/>
        <source>Chọn nơi lưu gói báo cáo (ví dụ ổ USB)</source>
        <translation>Choose where to save the report package (for example a USB drive)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="276"/>
        <source>Đang đóng gói và ký…</source>
        <translation>Packing and signing…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="294"/>
        <source>Mật khẩu không đúng. Hãy nhập lại.</source>
        <translation>The passphrase is wrong. Enter it again.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="307"/>
        <source>Đã xuất gói báo cáo.</source>
        <translation>Report package exported.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="326"/>
        <source>Đã hủy xuất gói; không có tệp nào được ghi.</source>
        <translation>Export cancelled; no files were written.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="332"/>
        <source>Chọn tệp biên nhận</source>
        <translation>Choose receipt files</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="334"/>
        <source>Biên nhận Tiến Độ (*.tdr);;Mọi tệp (*)</source>
        <translation>Tiến Độ receipts (*.tdr);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="154"/>
        <source>Chưa xuất gói báo cáo nào.</source>
        <translation>No report package exported yet.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="219"/>
        <source>Đơn vị chưa có khóa ký: tạo hoặc nhập khóa trong Cài đặt › Khóa ký.</source>
        <translation>The unit has no signing key: make or import one in Settings › Signing key.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="229"/>
        <source> (đã xuất, chờ biên nhận)</source>
        <translation> (exported, awaiting receipt)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="231"/>
        <source> (tỉnh đã nhận)</source>
        <translation> (received by the province)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="362"/>
        <source>Đã ghi nhận biên nhận</source>
        <translation>Receipt recorded</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox.py" line="129"/>
        <source>Chưa có báo cáo nào đã chốt để gửi. Lập báo cáo ở màn hình Báo cáo, kiểm tra rồi bấm “Chốt báo cáo”; báo cáo đã chốt hiện ở đây để xuất gói.</source>
        <translation>No finalized report to send yet. Draft a report on the Reports screen, check it and press “Finalize report”; finalized reports appear here to be exported.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/outbox_dialogs.py" line="83"/>
        <source>%1 đã nhận báo cáo %2, lần %3 (gói số thứ tự %4) lúc %5.</source>
        <translation>%1 received the report for %2, revision %3 (package sequence number %4) at %5.</translation>
    </message>
</context>
<context>
    <name>OverviewScreen</name>
    <message>
        <location filename="../../ui/screens/overview.py" line="315"/>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="323"/>
        <source>Báo cáo cần gửi</source>
        <translation>Reports to send</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="329"/>
        <source>Nhiệm vụ cần chú ý</source>
        <translation>Tasks needing attention</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="330"/>
        <source>Hoạt động đã ghi</source>
        <translation>Activities recorded</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="336"/>
        <location filename="../../ui/screens/overview.py" line="357"/>
        <source>Tiến độ từng nhiệm vụ</source>
        <translation>Progress by task</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="342"/>
        <source>Đang vẽ biểu đồ…</source>
        <translation>Drawing the charts…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="347"/>
        <source>&amp;Biểu đồ</source>
        <translation>&amp;Charts</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="360"/>
        <source>&amp;Bảng</source>
        <translation>&amp;Table</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="386"/>
        <source>Báo cáo sẽ mở khi dữ liệu đã mở xong…</source>
        <translation>The report will open once the data is open…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="451"/>
        <source>Không có nhiệm vụ nào trễ hạn.</source>
        <translation>No task is behind schedule.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="445"/>
        <source>Nhiệm vụ %1: %2 (hạn %3)</source>
        <translation>Task %1: %2 (due %3)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="456"/>
        <source>&lt;b&gt;%1&lt;/b&gt; hoạt động, trong đó &lt;b&gt;%2&lt;/b&gt; trong năm báo cáo hiện tại</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; activities, &lt;b&gt;%2&lt;/b&gt; of them in the current reporting year</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="206"/>
        <source>Thông tin chung</source>
        <translation>General information</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="216"/>
        <source>Các đơn vị kế hoạch giao nhiệm vụ được chọn từ danh mục này.</source>
        <translation>The units the plan assigns tasks to are chosen from this directory.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="224"/>
        <source>Mã của kế hoạch đã lưu không đổi được: số liệu đã ghi gắn với mã này.</source>
        <translation>A saved plan&apos;s id cannot change: recorded data is attached to it.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="226"/>
        <source>&amp;Mã kế hoạch:</source>
        <translation>Plan &amp;id:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="227"/>
        <source>&amp;Số hiệu:</source>
        <translation>&amp;Number:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="230"/>
        <source>&amp;Trích yếu:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="234"/>
        <source>Cơ &amp;quan ban hành:</source>
        <translation>Issuing bod&amp;y:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="236"/>
        <source>Đị&amp;a danh:</source>
        <translation>Pl&amp;ace:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="238"/>
        <source>&amp;Chức vụ người ký:</source>
        <translation>Signer&apos;s &amp;capacity:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="239"/>
        <source>Mục đích, &amp;yêu cầu:</source>
        <translation>Purpose, re&amp;quirements:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="240"/>
        <source>Căn cứ</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="219"/>
        <source>Danh mục đơn &amp;vị:</source>
        <translation>Unit &amp;directory:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="228"/>
        <source>L&amp;oại văn bản:</source>
        <translation>Document kin&amp;d:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="229"/>
        <source>Ngày ban &amp;hành:</source>
        <translation>Date of iss&amp;ue:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="232"/>
        <source>Nội dung theo dõ&amp;i:</source>
        <translation>Subject follo&amp;wed:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="235"/>
        <source>Tên cơ q&amp;uan ban hành:</source>
        <translation>Issuer&apos;s na&amp;me:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="237"/>
        <source>N&amp;gười ký:</source>
        <translation>Si&amp;gned by:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="243"/>
        <source>Th&amp;êm căn cứ</source>
        <translation>Add basis docum&amp;ent</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="250"/>
        <source>Căn cứ %1</source>
        <translation>Basis %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="251"/>
        <source>Số hiệu:</source>
        <translation>Number:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="252"/>
        <source>Ngày:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="253"/>
        <source>Cơ quan ban hành:</source>
        <translation>Issued by:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="254"/>
        <source>Trích yếu:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="255"/>
        <source>Bỏ căn cứ này</source>
        <translation>Remove this basis document</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="191"/>
        <source>Nhiệm vụ %1</source>
        <translation>Task %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="275"/>
        <source>&amp;Mã nhiệm vụ:</source>
        <translation>Task &amp;code:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="276"/>
        <source>&amp;Tiêu đề:</source>
        <translation>&amp;Heading:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="278"/>
        <source>Chỉ cần khi nhiều nhiệm vụ cùng tiêu đề</source>
        <translation>Only needed when several tasks share a heading</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="279"/>
        <source>Tên n&amp;gắn:</source>
        <translation>Short tit&amp;le:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="280"/>
        <source>Nội d&amp;ung (mỗi dòng một ý):</source>
        <translation>Content (one point per line):</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="281"/>
        <source>&amp;Câu «Đơn vị thực hiện»:</source>
        <translation>«Implementing units» &amp;sentence:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="283"/>
        <source>Đơn &amp;vị thực hiện:</source>
        <translation>Implementing &amp;units:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="288"/>
        <source>Đơn vị ph&amp;ối hợp:</source>
        <translation>C&amp;oordinating units:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="291"/>
        <source>Th&amp;eo hướng dẫn của:</source>
        <translation>Following guidanc&amp;e of:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="296"/>
        <source>Thêm chỉ tiêu</source>
        <translation>Add indicator</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="308"/>
        <source>Lo&amp;ại:</source>
        <translation>Kin&amp;d:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="309"/>
        <source>Lờ&amp;i văn bản:</source>
        <translation>Plan&apos;s word&amp;ing:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="364"/>
        <source>Đơn vị lập dự toán kinh phí &amp;hằng năm</source>
        <translation>Units draw up a budget estimate every &amp;year</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="368"/>
        <source>Nội d&amp;ung mục III:</source>
        <translation>Section III te&amp;xt:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="371"/>
        <source>Cơ quan theo dõi, tổn&amp;g hợp:</source>
        <translation>Monitorin&amp;g body:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="376"/>
        <source>Nội dung mục I&amp;V:</source>
        <translation>Section I&amp;V text:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="392"/>
        <source>Nă&amp;m</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="284"/>
        <source>Đơn vị thực hiện</source>
        <translation>Implementing units</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="286"/>
        <source>Đơn vị chủ t&amp;rì:</source>
        <translation>&amp;Responsible (lead) unit:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="289"/>
        <source>Đơn vị phối hợp</source>
        <translation>Coordinating units</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="292"/>
        <source>Thời gian thực hiện</source>
        <translation>Timeframe</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="293"/>
        <source>Chỉ tiêu</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="306"/>
        <source>Có hạn hoàn thành</source>
        <translation>With a deadline</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="306"/>
        <source>Thường xuyên</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="318"/>
        <source>&amp;Hạn:</source>
        <translation>Dead&amp;line:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="331"/>
        <source>Chỉ tiêu %1</source>
        <translation>Indicator %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="335"/>
        <source>Đơn vị tính:</source>
        <translation>Unit of measure:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="339"/>
        <source>Số lượng</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="339"/>
        <source>Tiền (đồng)</source>
        <translation>Money (VND)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="342"/>
        <source>Mã:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="343"/>
        <source>Tên:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="345"/>
        <source>Kế hoạch đặt chỉ tiêu này</source>
        <translation>The plan sets this indicator</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="347"/>
        <source>Bỏ chỉ tiêu này</source>
        <translation>Remove this indicator</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="359"/>
        <source>Kinh phí và tổ chức thực hiện</source>
        <translation>Budget and implementation</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="360"/>
        <source>III. Kinh phí thực hiện</source>
        <translation>III. Budget</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="367"/>
        <source>&amp;Tháng lập dự toán:</source>
        <translation>Estimate &amp;month:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="369"/>
        <source>IV. Tổ chức thực hiện</source>
        <translation>IV. Implementation</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="374"/>
        <source>Vướng mắc báo cáo &amp;qua:</source>
        <translation>Difficulties reported &amp;via:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="381"/>
        <source>Kỳ báo cáo</source>
        <translation>Reporting periods</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="388"/>
        <source>&amp;Tháng</source>
        <translation>&amp;Month</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="389"/>
        <source>&amp;Quý</source>
        <translation>&amp;Quarter</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="390"/>
        <source>&amp;6 tháng</source>
        <translation>&amp;6 months</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="391"/>
        <source>&amp;9 tháng</source>
        <translation>&amp;9 months</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="410"/>
        <source>Các kỳ đơn vị báo cáo:</source>
        <translation>Periods units report:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="413"/>
        <source>Có cả «6 tháng» và «Năm» thì 6 tháng cuối năm không báo cáo riêng: báo cáo năm bao gồm.</source>
        <translation>With both «6 months» and «Year», the second half is not reported separately: the year&apos;s report covers it.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="420"/>
        <source>&amp;Hạn nộp (số ngày sau ngày chốt số liệu):</source>
        <translation>&amp;Due (days after the data cut-off):</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/pages.py" line="423"/>
        <source>&amp;Căn cứ quy định:</source>
        <translation>&amp;Rule&apos;s source:</translation>
    </message>
</context>
<context>
    <name>PartEditor</name>
    <message>
        <location filename="../../ui/screens/province_parts.py" line="35"/>
        <source>Soạn lại</source>
        <translation>Redraft</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_parts.py" line="37"/>
        <source>Bỏ phần đã sửa, dùng lại bản do ứng dụng soạn từ báo cáo của các đơn vị.</source>
        <translation>Drop the edited text and use again the draft the app writes from the units&apos; reports.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_parts.py" line="51"/>
        <source>Đánh giá chung</source>
        <translation>Overall assessment</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_parts.py" line="52"/>
        <source>Tồn tại, hạn chế và nguyên nhân</source>
        <translation>Shortcomings and their causes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_parts.py" line="53"/>
        <source>Phương hướng, nhiệm vụ kỳ tới</source>
        <translation>Directions and tasks for the next period</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_parts.py" line="54"/>
        <source>Đề xuất, kiến nghị</source>
        <translation>Proposals and recommendations</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_parts.py" line="60"/>
        <source>Nhiệm vụ %1: %2</source>
        <translation>Task %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_parts.py" line="65"/>
        <source>Đã sửa; số liệu của các đơn vị đã thay đổi sau đó</source>
        <translation>Edited; the units&apos; figures have changed since</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_parts.py" line="67"/>
        <source>Đã sửa</source>
        <translation>Edited</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_parts.py" line="69"/>
        <source>Bản soạn tự động</source>
        <translation>Drafted by the app</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../ui/widgets/passphrase.py" line="28"/>
        <source>Mật khẩu khóa ký của Sở</source>
        <translation>Province signing key passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/passphrase.py" line="28"/>
        <location filename="../../ui/widgets/passphrase.py" line="39"/>
        <source>Mật khẩu khóa ký</source>
        <translation>Signing key passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/passphrase.py" line="32"/>
        <source>Nhập mật khẩu khóa ký của Sở (để ký biên nhận):</source>
        <translation>Enter the province signing key&apos;s passphrase (to sign receipts):</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/passphrase.py" line="34"/>
        <source>Nhập mật khẩu khóa ký của đơn vị:</source>
        <translation>Enter the unit signing key&apos;s passphrase:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/passphrase.py" line="47"/>
        <source>&amp;Quên mật khẩu?</source>
        <translation>&amp;Forgot the passphrase?</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/passphrase.py" line="61"/>
        <source>&amp;Mở khóa</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/passphrase.py" line="62"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/passphrase.py" line="72"/>
        <source>Mật khẩu chỉ có ở người đã đặt nó: không ai, kể cả phần mềm, lấy lại được. Nếu quên, nhập bản sao khóa có mật khẩu đã cất, hoặc tạo khóa mới (Cài đặt › Khóa ký › Mất khóa? Tạo khóa mới…), rồi gửi khóa công khai mới cho các đơn vị kèm dấu vân tay, để đơn vị đối chiếu qua điện thoại và tin cậy khóa mới. Các gói đã nhận vẫn giữ nguyên.</source>
        <translation>Only the person who set the passphrase knows it: no one, not even the software, can recover it. If it is forgotten, import the passphrase-protected copy of the key, or make a new key (Settings › Signing key › Key lost? Make a new key…), then send the new public key to the units with its fingerprint, so that they compare it by phone and trust the new key. Packages already received stay as they are.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/passphrase.py" line="79"/>
        <source>Mật khẩu chỉ có ở người đã đặt nó: không ai, kể cả phần mềm, lấy lại được. Nếu quên, nhập bản sao khóa có mật khẩu đã cất (Cài đặt › Khóa ký › Nhập khóa từ tệp…), hoặc tạo khóa mới (Cài đặt › Khóa ký › Mất khóa? Tạo khóa mới…): gửi tệp yêu cầu đăng ký lại lên Sở và gọi điện đọc dấu vân tay, Sở thu hồi khóa cũ và đăng ký khóa mới. Các gói đã gửi trước đó vẫn có giá trị.</source>
        <translation>Only the person who set the passphrase knows it: no one, not even the software, can recover it. If it is forgotten, import the passphrase-protected copy of the key you kept (Settings › Signing key › Import the key from a file…), or make a new key (Settings › Signing key › Key lost? Make a new key…): send the re-enrollment request to the department and call to read out the fingerprint; the department revokes the old key and enrolls the new one. Packages sent before remain valid.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../ui/widgets/pdf_preview.py" line="113"/>
        <source>In %1</source>
        <translation>Print %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/pdf_preview.py" line="138"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/pdf_preview.py" line="177"/>
        <source>Xem trước — %1</source>
        <translation>Preview — %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/pdf_preview.py" line="186"/>
        <source>Các trang của văn bản</source>
        <translation>Document pages</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/pdf_preview.py" line="189"/>
        <source>Vừa &amp;chiều rộng</source>
        <translation>Fit &amp;width</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/pdf_preview.py" line="190"/>
        <source>Cả &amp;trang</source>
        <translation>Fit pa&amp;ge</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/pdf_preview.py" line="191"/>
        <source>Thu &amp;nhỏ</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/pdf_preview.py" line="192"/>
        <source>&amp;Phóng to</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/pdf_preview.py" line="198"/>
        <source>Trang đang xem</source>
        <translation>Current page</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/pdf_preview.py" line="202"/>
        <source>&amp;In…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/pdf_preview.py" line="203"/>
        <source>&amp;Lưu thành…</source>
        <translation>&amp;Save as…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/pdf_preview.py" line="204"/>
        <source>Đó&amp;ng</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/pdf_preview.py" line="242"/>
        <source>Trang %1 / %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/pdf_preview.py" line="280"/>
        <source>Lưu thành tệp PDF</source>
        <translation>Save as PDF file</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/pdf_preview.py" line="136"/>
        <source>Tệp Word (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="329"/>
        <source>Người lập và người ký báo cáo</source>
        <translation>Report preparer and signatory</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="331"/>
        <source>Các thông tin này in trên báo cáo; có thể sửa sau trong mục Cài đặt.</source>
        <translation>This information is printed on reports; you can change it later in Settings.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="346"/>
        <source>Cần tên người lập và tên người ký: chúng được in trên báo cáo.</source>
        <translation>The names of the person who prepares the reports and of the signer are needed: they are printed on the reports.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../ui/widgets/official.py" line="40"/>
        <source>Mã PIN của USB token</source>
        <translation>USB token PIN</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/official.py" line="44"/>
        <source>Cắm USB token “%1” vào máy rồi nhập mã PIN để ký số với vai trò %2 (chứng thư của %3). Nhập sai nhiều lần, token sẽ bị khóa.</source>
        <translation>Plug in the USB token “%1” and enter its PIN to sign as %2 (certificate of %3). Too many wrong PINs lock the token.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/official.py" line="56"/>
        <source>Mã PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/official.py" line="57"/>
        <source>&amp;Mã PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/official.py" line="62"/>
        <source>Ký số</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/official.py" line="63"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <location filename="../../ui/widgets/common.py" line="18"/>
        <source>Kế hoạch</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/common.py" line="19"/>
        <source>Chương trình</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/common.py" line="20"/>
        <source>Đề án</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/common.py" line="21"/>
        <source>Quyết định</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/common.py" line="24"/>
        <source>%1 số %2</source>
        <translation>%1 No. %2</translation>
    </message>
</context>
<context>
    <name>PlanBundle</name>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="61"/>
        <source>Dấu vân tay khóa của Sở</source>
        <translation>Fingerprint of the Department’s key</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="179"/>
        <source>Đã cập nhật %1 theo lần phát hành %2 của %3.</source>
        <translation>Updated %1 to revision %2 from %3.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="181"/>
        <source>Đã thêm %1 theo gói kế hoạch của %3 (lần phát hành %2).</source>
        <translation>Added %1 from the plan bundle of %3 (revision %2).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="191"/>
        <source>Các hoạt động và báo cáo đã ghi được giữ nguyên.</source>
        <translation>The activities and reports already recorded are kept.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="197"/>
        <source>Khóa của Sở đã được tin cậy: các gói kế hoạch và biên nhận sau sẽ được kiểm tra bằng khóa này.</source>
        <translation>The Department’s key is now trusted: later plan bundles and receipts are checked with it.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="204"/>
        <source>Đã thêm kế hoạch</source>
        <translation>Plan added</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="80"/>
        <source>&amp;Kiểm tra</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="81"/>
        <source>Kiểm tra toàn bộ kế hoạch (F5)</source>
        <translation>Check the whole plan (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="83"/>
        <location filename="../../ui/screens/plans/editor.py" line="550"/>
        <source>&amp;Lưu kế hoạch</source>
        <translation>&amp;Save plan</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="84"/>
        <source>Lưu kế hoạch vào bản cài đặt (Ctrl+S)</source>
        <translation>Keep the plan in this installation (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="86"/>
        <source>Về &amp;danh sách</source>
        <translation>&amp;Back to the list</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="110"/>
        <source>&amp;Phần của kế hoạch:</source>
        <translation>&amp;Parts of the plan:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="113"/>
        <source>Phần của kế hoạch</source>
        <translation>Parts of the plan</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="119"/>
        <source>Thêm &amp;nhiệm vụ</source>
        <translation>Add &amp;task</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="121"/>
        <source>&amp;Bỏ nhiệm vụ</source>
        <translation>Remo&amp;ve task</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="138"/>
        <source>Các lỗi của kế hoạch</source>
        <translation>The plan&apos;s problems</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="189"/>
        <source>Kế hoạch mới: số %1</source>
        <translation>New plan: number %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="191"/>
        <source>Sửa kế hoạch số %1</source>
        <translation>Editing plan number %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="198"/>
        <source>Thông tin chung, căn cứ</source>
        <translation>General information, basis</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="200"/>
        <source>Nhiệm vụ (mục II)</source>
        <translation>Tasks (section II)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="206"/>
        <source>Kinh phí, tổ chức thực hiện</source>
        <translation>Budget, implementation</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="208"/>
        <source>Kỳ báo cáo</source>
        <translation>Reporting periods</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="297"/>
        <source>Bỏ nhiệm vụ</source>
        <translation>Remove task</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="299"/>
        <source>Bỏ nhiệm vụ %1 khỏi kế hoạch? Hoạt động và số liệu đơn vị đã ghi cho nhiệm vụ này vẫn được giữ.</source>
        <translation>Remove task %1 from the plan? Activities and figures units recorded for it are kept.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="346"/>
        <source>Enter hoặc bấm để đến ô này</source>
        <translation>Press Enter or click to go to this field</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="349"/>
        <source>Kết quả kiểm tra: kế hoạch hợp lệ, có thể lưu.</source>
        <translation>Check: the plan is valid and can be saved.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="353"/>
        <source>Kết quả kiểm tra: %1 lỗi, %2 lưu ý, %3 chỗ máy đoán cần đối chiếu với văn bản — chọn một dòng (F8) để đến ô đó.</source>
        <translation>Check: %1 errors, %2 warnings, %3 guesses to compare with the document — choose a line (F8) to go to its field.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="410"/>
        <source>Có lỗi</source>
        <translation>Has errors</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="411"/>
        <source>Có lưu ý</source>
        <translation>Has warnings</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="412"/>
        <source>Có chỗ cần đối chiếu với văn bản</source>
        <translation>Has guesses to compare with the document</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="454"/>
        <source>Nhiệm vụ %1</source>
        <translation>Task %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="458"/>
        <source>Căn cứ %1</source>
        <translation>Basis %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="458"/>
        <source>Chỉ tiêu %1</source>
        <translation>Indicator %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="467"/>
        <source>Kế hoạch</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="485"/>
        <source>Bản nháp được giữ tự động; kế hoạch chỉ được dùng khi bấm «Lưu kế hoạch».</source>
        <translation>The draft is kept automatically; the plan is used only once you press «Save plan».</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="495"/>
        <source>… và %1 lỗi khác</source>
        <translation>… and %1 more errors</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="498"/>
        <source>Chưa lưu kế hoạch</source>
        <translation>Plan not saved</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="500"/>
        <source>Kế hoạch còn %1 lỗi nên chưa được lưu. Sửa các ô tô đỏ rồi lưu lại.</source>
        <translation>The plan still has %1 errors, so it was not saved. Correct the fields outlined in red, then save again.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="524"/>
        <source>Đã lưu kế hoạch số %1 (%2 nhiệm vụ).</source>
        <translation>Plan number %1 saved (%2 tasks).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="530"/>
        <source>Đã lưu kế hoạch số %1.</source>
        <translation>Plan number %1 saved.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="543"/>
        <source>Kế hoạch chưa lưu</source>
        <translation>Plan not saved</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="545"/>
        <source>Kế hoạch số %1 có thay đổi chưa lưu. Lưu kế hoạch bây giờ, hay giữ bản nháp để sửa tiếp sau?</source>
        <translation>Plan number %1 has changes that are not saved. Save the plan now, or keep the draft to continue later?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="551"/>
        <source>&amp;Giữ bản nháp</source>
        <translation>&amp;Keep the draft</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="552"/>
        <source>Ở &amp;lại</source>
        <translation>S&amp;tay</translation>
    </message>
</context>
<context>
    <name>PlanFields</name>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="586"/>
        <source>Mã kế hoạch</source>
        <translation>Plan id</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="587"/>
        <source>Số hiệu</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="588"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="589"/>
        <source>Tiêu đề</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="590"/>
        <source>Nội dung theo dõi</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="591"/>
        <location filename="../../ui/screens/plans/editor.py" line="598"/>
        <source>Cơ quan ban hành</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="592"/>
        <source>Tên cơ quan ban hành</source>
        <translation>Issuer&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="593"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="594"/>
        <source>Địa danh</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="595"/>
        <source>Người ký</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="596"/>
        <source>Chức vụ người ký</source>
        <translation>Signer&apos;s capacity</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="597"/>
        <source>Mục đích, yêu cầu</source>
        <translation>Purpose, requirements</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="599"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="600"/>
        <source>Tên ngắn</source>
        <translation>Short title</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="601"/>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="602"/>
        <source>Câu «Đơn vị thực hiện»</source>
        <translation>«Implementing units» sentence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="603"/>
        <source>Đơn vị thực hiện</source>
        <translation>Implementing units</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="604"/>
        <source>Đơn vị chủ trì</source>
        <translation>Lead unit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="605"/>
        <source>Đơn vị phối hợp</source>
        <translation>Coordinating units</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="606"/>
        <source>Theo hướng dẫn của</source>
        <translation>Following guidance of</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="607"/>
        <source>Thời gian thực hiện</source>
        <translation>Timeframe</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="608"/>
        <source>Hạn</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="609"/>
        <source>Lời văn bản</source>
        <translation>Wording</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="610"/>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="611"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="612"/>
        <source>Kế hoạch đặt</source>
        <translation>Set by the plan</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="613"/>
        <source>Kinh phí</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="614"/>
        <source>Dự toán hằng năm</source>
        <translation>Yearly estimate</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="615"/>
        <source>Tháng lập dự toán</source>
        <translation>Estimate month</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="616"/>
        <source>Tổ chức thực hiện</source>
        <translation>Implementation</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="617"/>
        <source>Cơ quan theo dõi</source>
        <translation>Monitoring body</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="618"/>
        <source>Vướng mắc báo cáo qua</source>
        <translation>Difficulties reported via</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="619"/>
        <source>Kỳ báo cáo</source>
        <translation>Reporting</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="620"/>
        <source>Các kỳ</source>
        <translation>Periods</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="621"/>
        <source>Hạn nộp</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="622"/>
        <source>Căn cứ quy định</source>
        <translation>Rule&apos;s source</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="623"/>
        <source>Nhiệm vụ</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/editor.py" line="624"/>
        <source>Căn cứ</source>
        <translation>Basis</translation>
    </message>
</context>
<context>
    <name>PlanSwitcher</name>
    <message>
        <location filename="../../ui/widgets/plan_switcher.py" line="57"/>
        <source>Kế hoạch đang làm việc (Ctrl+K):</source>
        <translation>Plan in use (Ctrl+K):</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/plan_switcher.py" line="61"/>
        <source>Kế hoạch đang làm việc</source>
        <translation>Plan in use</translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="261"/>
        <location filename="../../ui/setup_wizard.py" line="267"/>
        <source>Kế hoạch theo dõi</source>
        <translation>Plans followed</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="263"/>
        <source>Chọn các kế hoạch đơn vị báo cáo; có thể thêm kế hoạch sau trong Cài đặt.</source>
        <translation>Choose the plans the unit reports on; more can be added later in Settings.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="272"/>
        <source>Đơn vị theo dõi các kế hoạch đã chọn từ hôm nay: các kỳ báo cáo đến hạn trước hôm nay không bị tính là chậm.</source>
        <translation>The unit follows the chosen plans from today: reports that fell due before today are not counted as late.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="290"/>
        <source>%1 ngày %2 — %3</source>
        <translation>%1 of %2 — %3</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="305"/>
        <source>%1 (không giao nhiệm vụ cho đơn vị này)</source>
        <translation>%1 (gives this unit no task)</translation>
    </message>
</context>
<context>
    <name>PlansPanel</name>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="48"/>
        <source>Chọn tệp kế hoạch</source>
        <translation>Choose a plan file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="50"/>
        <source>Kế hoạch (*.tdplan *.toml);;Gói kế hoạch của Sở (*.tdplan);;Tệp kế hoạch (*.toml);;Mọi tệp (*)</source>
        <translation>Plans (*.tdplan *.toml);;Plan bundles from the province (*.tdplan);;Plan files (*.toml);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="93"/>
        <source>%1 đã có trên máy này, không có gì thay đổi.</source>
        <translation>%1 is already on this computer; nothing changed.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="101"/>
        <source>Đã lưu %1, nhưng kế hoạch này không giao nhiệm vụ nào cho %2 nên đơn vị không báo cáo theo kế hoạch này.</source>
        <translation>Saved %1, but it gives %2 no task, so the unit does not report on this plan.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="110"/>
        <source>Đã lưu %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="112"/>
        <location filename="../../ui/screens/settings_plans.py" line="124"/>
        <source>Thêm kế hoạch</source>
        <translation>Add plan</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="117"/>
        <source>Đã cập nhật %1 theo tệp mới.</source>
        <translation>Updated %1 from the new file.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="125"/>
        <source>Đã thêm %1. Đơn vị theo dõi kế hoạch này từ hôm nay: các kỳ báo cáo đến hạn trước hôm nay không bị tính là chậm.

Làm việc với kế hoạch này ngay?</source>
        <translation>Added %1. The unit follows this plan from today: reports that fell due before today are not counted as late.

Work on this plan now?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="134"/>
        <source>&amp;Làm việc với kế hoạch này</source>
        <translation>&amp;Work on this plan</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="138"/>
        <source>Để &amp;sau</source>
        <translation>&amp;Later</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="155"/>
        <source>… và %1 lỗi khác (bấm Hiện chi tiết).</source>
        <translation>… and %1 more problems (click Show Details).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="162"/>
        <source>Không thêm được kế hoạch</source>
        <translation>The plan could not be added</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="163"/>
        <source>Tệp %1 có %2 lỗi nên chưa được thêm; trên máy không có gì thay đổi.</source>
        <translation>The file %1 has %2 problems, so it was not added; nothing changed on this computer.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="184"/>
        <location filename="../../ui/screens/settings_plans.py" line="207"/>
        <source>Kế hoạch theo dõi</source>
        <translation>Plans followed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="189"/>
        <source>Đơn vị báo cáo theo các kế hoạch dưới đây. Khi nhận được kế hoạch mới từ cơ quan theo dõi, bấm «Thêm kế hoạch…» và chọn tệp kế hoạch (gói .tdplan do Sở gửi). Kế hoạch đã kết thúc thì bấm «Thôi theo dõi»: hoạt động và báo cáo đã ghi vẫn được giữ.</source>
        <translation>The unit reports on the plans below. When the monitoring body sends a new plan, click “Add plan…” and choose the plan file (the .tdplan bundle from the province). For a plan that has ended, click “Stop following”: the activities and reports recorded are kept.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="222"/>
        <source>Thêm kế hoạch từ tệp do cơ quan theo dõi gửi (tệp .tdplan hoặc .toml).</source>
        <translation>Add a plan from the file the monitoring body sent (a .tdplan or .toml file).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="349"/>
        <source>Thôi theo dõi kế hoạch</source>
        <translation>Stop following the plan</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="351"/>
        <source>Thôi theo dõi %1? Đơn vị sẽ không được nhắc báo cáo theo kế hoạch này nữa. Hoạt động và báo cáo đã ghi vẫn được giữ và hiện lại khi theo dõi lại.</source>
        <translation>Stop following %1? The unit will no longer be reminded to report on this plan. The activities and reports recorded are kept and come back if the plan is followed again.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="354"/>
        <source>Thôi theo dõi</source>
        <translation>Stop following</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="355"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="364"/>
        <source>Đã thôi theo dõi %1.</source>
        <translation>No longer following %1.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="201"/>
        <source>Số, ngày</source>
        <translation>Number, date</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="202"/>
        <source>Tên kế hoạch</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="203"/>
        <source>Cơ quan ban hành</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="204"/>
        <source>Theo dõi từ</source>
        <translation>Followed since</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="220"/>
        <source>Thêm kế h&amp;oạch…</source>
        <translation>Add pla&amp;n…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="224"/>
        <location filename="../../ui/screens/settings_plans.py" line="316"/>
        <source>Làm việc với kế hoạch nà&amp;y</source>
        <translation>Work on t&amp;his plan</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="227"/>
        <source>Các màn hình Tổng quan, Nhiệm vụ, Hoạt động, Báo cáo chuyển sang kế hoạch này.</source>
        <translation>The Overview, Tasks, Activities and Reports screens switch to this plan.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="230"/>
        <source>Thô&amp;i theo dõi…</source>
        <translation>Stop follo&amp;wing…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="233"/>
        <source>Đơn vị không còn báo cáo theo kế hoạch đã chọn (ví dụ kế hoạch đã kết thúc). Hoạt động và báo cáo đã ghi vẫn được giữ; theo dõi lại được bất cứ lúc nào.</source>
        <translation>The unit no longer reports on the chosen plan (for example, the plan has ended). The activities and reports recorded are kept; the plan can be followed again at any time.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="277"/>
        <source>%1
ngày %2</source>
        <translation>%1
of %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="284"/>
        <source>chưa theo dõi</source>
        <translation>not followed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="287"/>
        <source>(đang làm việc)</source>
        <translation>(in use)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_plans.py" line="318"/>
        <source>Theo dõi kế hoạch nà&amp;y</source>
        <translation>Follow t&amp;his plan</translation>
    </message>
</context>
<context>
    <name>PlansScreen</name>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="75"/>
        <source>Kế hoạch</source>
        <translation>Plans</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="78"/>
        <source>Các kế hoạch Sở theo dõi và các bản nháp chưa lưu. Soạn kế hoạch từ văn bản (.docx hoặc .txt), sửa chỗ máy đọc chưa đúng, rồi lưu: đơn vị được giao nhiệm vụ sẽ báo cáo theo kế hoạch đó.</source>
        <translation>The plans the department follows and the drafts not saved yet. Draft a plan from its document (.docx or .txt), correct what was read wrongly, then save: the units given tasks will report on that plan.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="86"/>
        <source>Kế hoạch &amp;mới</source>
        <translation>&amp;New plan</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="88"/>
        <source>Soạn từ &amp;văn bản…</source>
        <translation>Draft from a &amp;document…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="90"/>
        <location filename="../../ui/screens/plans/screen.py" line="189"/>
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="92"/>
        <source>&amp;Bỏ bản nháp</source>
        <translation>Disca&amp;rd draft</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="103"/>
        <source>Số hiệu</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="104"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="105"/>
        <source>Trích yếu</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="106"/>
        <source>Bản lưu</source>
        <translation>Saved version</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="107"/>
        <source>Trạng thái</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="110"/>
        <source>Danh sách kế hoạch</source>
        <translation>Plans</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="153"/>
        <source>Bản nháp sửa kế hoạch đã lưu, chưa lưu</source>
        <translation>Draft of changes to a saved plan, not saved</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="155"/>
        <source>Bản nháp, chưa lưu</source>
        <translation>Draft, not saved</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="161"/>
        <source>nháp %1</source>
        <translation>draft %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="167"/>
        <source>có sẵn</source>
        <translation>built in</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="167"/>
        <source>Sở lưu</source>
        <translation>saved here</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="175"/>
        <source>Đang dùng, %1 nhiệm vụ</source>
        <translation>In use, %1 tasks</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="187"/>
        <source>&amp;Sửa tiếp bản nháp</source>
        <translation>&amp;Edit the draft</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="257"/>
        <source>Bỏ bản nháp</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="258"/>
        <source>Bỏ bản nháp kế hoạch số %1? Những gì đã soạn trong đó sẽ mất.</source>
        <translation>Discard the draft of plan number %1? What was written in it will be lost.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="281"/>
        <source>Danh mục đơn vị</source>
        <translation>Unit directory</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="282"/>
        <source>Các đơn vị của kế hoạch được chọn từ danh mục:</source>
        <translation>The plan&apos;s units are chosen from the directory:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="294"/>
        <source>Chọn văn bản kế hoạch</source>
        <translation>Choose the plan&apos;s document</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="296"/>
        <source>Văn bản kế hoạch (*.docx *.txt *.md);;Mọi tệp (*)</source>
        <translation>Plan documents (*.docx *.txt *.md);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="328"/>
        <source>Đang soạn kế hoạch từ %1…</source>
        <translation>Drafting the plan from %1…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/screen.py" line="360"/>
        <source>Đơn vị thực hiện</source>
        <translation>Implementing units</translation>
    </message>
</context>
<context>
    <name>ProgressModel</name>
    <message>
        <location filename="../../ui/screens/overview.py" line="64"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="65"/>
        <source>Nhiệm vụ</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="66"/>
        <source>Thời gian thực hiện</source>
        <translation>Timeframe</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="67"/>
        <source>Số hoạt động</source>
        <translation>Activities</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="68"/>
        <source>Hoạt động gần nhất</source>
        <translation>Latest activity</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="69"/>
        <source>Tình hình</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="90"/>
        <source>Đã hoàn thành</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="91"/>
        <source>Đúng tiến độ</source>
        <translation>On track</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="92"/>
        <source>Có nguy cơ chậm</source>
        <translation>At risk of delay</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="93"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="94"/>
        <source>Đang thực hiện thường xuyên</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <location filename="../../ui/screens/overview.py" line="95"/>
        <source>Chưa có hoạt động</source>
        <translation>No activities yet</translation>
    </message>
</context>
<context>
    <name>ProvinceDialog</name>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="179"/>
        <source>Tạo danh mục từ danh sách hành chính</source>
        <translation>Build a directory from the administrative list</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="183"/>
        <source>Tên và mã các xã, phường, đặc khu lấy từ danh mục đơn vị hành chính chính thức (từ 01/7/2025). Sau đó thêm các sở, ban, ngành, cơ quan báo chí, cơ quan Đảng. Nếu danh mục của tỉnh đã có, các cơ quan đã thêm được giữ nguyên.</source>
        <translation>The names and codes of the communes, wards and special zones come from the official list of administrative units (from 1 July 2025). Then add the departments, press and Party bodies. If the province&apos;s directory is already kept, the bodies added to it stay.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="194"/>
        <source>Tỉnh, thành phố</source>
        <translation>Province or city</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="197"/>
        <source>&amp;Tỉnh, thành phố:</source>
        <translation>&amp;Province or city:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="204"/>
        <source>&amp;Tạo danh mục</source>
        <translation>&amp;Build the directory</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="205"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ProvinceKeyChooser</name>
    <message>
        <location filename="../../ui/screens/province_trust.py" line="46"/>
        <source>Chọn tệp &amp;khóa của Sở…</source>
        <translation>Choose the Department&apos;s &amp;key file…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_trust.py" line="65"/>
        <source>Dấu vân tay khóa của Sở</source>
        <translation>Fingerprint of the Department&apos;s key</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_trust.py" line="69"/>
        <source>Tôi đã đọc dấu vân tay này với cán bộ của Sở qua điện thoại và thấy trùng khớp</source>
        <translation>I have checked this fingerprint with an officer of the Department over the phone and it matches</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_trust.py" line="78"/>
        <source>Chọn tệp khóa công khai của Sở</source>
        <translation>Choose the Department&apos;s public key file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_trust.py" line="80"/>
        <source>Tệp khóa Tiến Độ (*.tdkey *.pub);;Mọi tệp (*)</source>
        <translation>Tien Do key files (*.tdkey *.pub);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_trust.py" line="105"/>
        <source>Tệp đổi khóa của Sở, có chữ ký của cả khóa đang tin cậy và khóa mới dưới đây: không cần đối chiếu qua điện thoại.</source>
        <translation>The department&apos;s key rotation, signed by both the trusted key and the new key below: no phone comparison needed.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_trust.py" line="109"/>
        <source>Khóa mới của Sở trong tệp %1:</source>
        <translation>The department&apos;s key in the file %1:</translation>
    </message>
</context>
<context>
    <name>ProvinceKeyPage</name>
    <message>
        <location filename="../../ui/screens/province_trust.py" line="129"/>
        <source>Khóa công khai của Sở</source>
        <translation>The Department&apos;s public key</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_trust.py" line="131"/>
        <source>Để kiểm tra biên nhận Sở gửi lại. Có thể bỏ qua và làm sau.</source>
        <translation>To check the receipts the Department sends back. This can be skipped and done later.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_trust.py" line="135"/>
        <source>Sở gửi lại biên nhận có chữ ký cho mỗi gói báo cáo nhận được. Để biết chắc biên nhận do Sở gửi, máy này cần khóa công khai của Sở: chọn tệp khóa Sở gửi, rồi đọc dấu vân tay với cán bộ của Sở qua điện thoại. Làm sau: Cài đặt › Khóa của Sở.</source>
        <translation>The department sends back a signed receipt for every report package it receives. To be sure a receipt comes from the department, this computer needs the department&apos;s public key: choose the key file the department sent, then read the fingerprint with a department officer by phone. To do it later: Settings › Department key.</translation>
    </message>
</context>
<context>
    <name>ProvinceKeyPanel</name>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="521"/>
        <source>Khóa của Sở</source>
        <translation>Department key</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="527"/>
        <source>Dấu vân tay khóa của Sở</source>
        <translation>Fingerprint of the department&apos;s key</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="543"/>
        <source>Chưa có khóa công khai của %1: chưa kiểm tra được biên nhận. Chọn tệp khóa Sở gửi và đối chiếu dấu vân tay qua điện thoại.</source>
        <translation>No public key of %1 yet: receipts cannot be checked. Choose the key file the department sent and compare the fingerprint by phone.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="548"/>
        <source>Nhập khóa của &amp;Sở…</source>
        <translation>Import the &amp;department key…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="551"/>
        <source>Biên nhận được kiểm tra bằng khóa %1 của %2.</source>
        <translation>Receipts are checked with key %1 of %2.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="557"/>
        <source>Thay khóa của &amp;Sở…</source>
        <translation>Replace the &amp;department key…</translation>
    </message>
</context>
<context>
    <name>ProvinceWindow</name>
    <message>
        <location filename="../../ui/province_window.py" line="42"/>
        <source>Đơn vị và khóa</source>
        <translation>Units and keys</translation>
    </message>
    <message>
        <location filename="../../ui/province_window.py" line="43"/>
        <source>Nhận gói báo cáo</source>
        <translation>Receive packages</translation>
    </message>
    <message>
        <location filename="../../ui/province_window.py" line="44"/>
        <source>Tình hình báo cáo</source>
        <translation>Reporting status</translation>
    </message>
    <message>
        <location filename="../../ui/province_window.py" line="45"/>
        <source>Báo cáo tổng hợp</source>
        <translation>Consolidated report</translation>
    </message>
    <message>
        <location filename="../../ui/province_window.py" line="48"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/province_window.py" line="47"/>
        <source>Danh mục đơn vị</source>
        <translation>Unit directories</translation>
    </message>
    <message>
        <location filename="../../ui/province_window.py" line="125"/>
        <source>Tệp %1 là biên nhận của Sở; biên nhận được nhập ở máy của đơn vị.</source>
        <translation>%1 is a receipt from the Department; receipts are imported at the unit.</translation>
    </message>
    <message>
        <location filename="../../ui/province_window.py" line="131"/>
        <source>Không biết mở tệp %1 ở máy của Sở.</source>
        <translation>The Department&apos;s computer cannot open %1.</translation>
    </message>
    <message>
        <location filename="../../ui/province_window.py" line="133"/>
        <source>Mở gói báo cáo (.tdpkg), tệp khóa của đơn vị (.tdkey, .pub) hoặc tuyên bố đổi khóa.</source>
        <translation>Open a report package (.tdpkg), a unit&apos;s key file (.tdkey, .pub) or a key rotation statement.</translation>
    </message>
    <message>
        <location filename="../../ui/province_window.py" line="53"/>
        <source>&amp;Phát hành kế hoạch…</source>
        <translation>&amp;Publish plan…</translation>
    </message>
    <message>
        <location filename="../../ui/province_window.py" line="46"/>
        <location filename="../../ui/province_window.py" line="53"/>
        <source>Kế hoạch</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../ui/province_window.py" line="117"/>
        <source>Tệp %1 là gói kế hoạch; đơn vị thực hiện mở gói này để thêm kế hoạch.</source>
        <translation>%1 is a plan bundle; the implementing units open it to add the plan.</translation>
    </message>
    <message>
        <location filename="../../ui/province_window.py" line="119"/>
        <source>Để phát hành lại kế hoạch: Kế hoạch › Phát hành kế hoạch…</source>
        <translation>To publish the plan again: Plan › Publish plan…</translation>
    </message>
</context>
<context>
    <name>ProvincialReportScreen</name>
    <message>
        <location filename="../../ui/screens/province_report.py" line="56"/>
        <source>Báo cáo tổng hợp</source>
        <translation>Consolidated report</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="72"/>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="75"/>
        <source>Kỳ báo cáo</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="78"/>
        <source>&amp;Kỳ báo cáo:</source>
        <translation>Reporting &amp;period:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="83"/>
        <source>Số văn bản</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="85"/>
        <source>&amp;Số văn bản:</source>
        <translation>Document &amp;number:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="90"/>
        <source>&amp;Xem trước bản in…</source>
        <translation>Print pre&amp;view…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="92"/>
        <source>Lưu &amp;PDF…</source>
        <translation>Save PD&amp;F…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="96"/>
        <source>Lưu &amp;Excel (XLSX)…</source>
        <translation>Save &amp;Excel (XLSX)…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="126"/>
        <location filename="../../ui/screens/province_report.py" line="130"/>
        <source>Tổng hợp chỉ tiêu toàn tỉnh</source>
        <translation>Indicator totals for the province</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="116"/>
        <source>Nhiệm vụ</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="117"/>
        <source>Chỉ tiêu</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="118"/>
        <source>Đơn vị tính</source>
        <translation>Unit of measure</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="119"/>
        <source>Tổng cộng</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="120"/>
        <source>Số đơn vị có kết quả</source>
        <translation>Units with results</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="169"/>
        <source>Kế hoạch không có kỳ báo cáo nào trong năm này.</source>
        <translation>The plan has no reporting periods in this year.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="180"/>
        <source>Đã có %1/%2 đơn vị gửi báo cáo %3 (hạn %4).</source>
        <translation>%1 of %2 units have sent the report for %3 (due %4).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="187"/>
        <source>Chưa báo cáo: %1.</source>
        <translation>Not yet reported: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="235"/>
        <source>Lưu báo cáo tổng hợp (PDF)</source>
        <translation>Save consolidated report (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="235"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="251"/>
        <source>Lưu báo cáo tổng hợp (Excel)</source>
        <translation>Save consolidated report (Excel)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="251"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel spreadsheets (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="296"/>
        <source>Đang lập báo cáo tổng hợp…</source>
        <translation>Preparing the consolidated report…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="312"/>
        <source>Đã lưu %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="324"/>
        <source>Đã hủy; không có tệp nào được ghi.</source>
        <translation>Cancelled; no files were written.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="332"/>
        <source>Báo cáo tổng hợp %1</source>
        <translation>Consolidated report for %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="59"/>
        <source>Tổng hợp báo cáo mới nhất của từng đơn vị cho một kỳ: đánh giá chung, kết quả theo nhiệm vụ, khó khăn và đề xuất của các đơn vị, các đơn vị chưa báo cáo. Sửa nội dung bên dưới, xem trước bản in, lưu PDF để trình ký, lưu Word để hoàn thiện hoặc lưu Excel để xử lý số liệu.</source>
        <translation>Consolidates each unit&apos;s latest report for a period: overall assessment, results by task, the units&apos; difficulties and proposals, units that have not reported. Edit the text below, preview the print, save a PDF to sign, a Word file to finish, or an Excel workbook to work with the figures.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="94"/>
        <source>Lưu &amp;Word…</source>
        <translation>Save &amp;Word…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="112"/>
        <source>Nội dung báo cáo</source>
        <translation>Report text</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="243"/>
        <source>Lưu báo cáo tổng hợp (Word)</source>
        <translation>Save the consolidated report (Word)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_report.py" line="243"/>
        <source>Tệp Word (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
</context>
<context>
    <name>PublishPlanDialog</name>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="226"/>
        <source>Phát hành kế hoạch cho các đơn vị</source>
        <translation>Publish a plan to the units</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="230"/>
        <source>Gói kế hoạch (.tdplan) gồm kế hoạch, danh mục đơn vị, kỳ báo cáo và khóa công khai của Sở, có chữ ký của Sở. Đơn vị mở gói này để theo dõi kế hoạch; khi Sở sửa kế hoạch, phát hành lại và gửi gói mới, dữ liệu đơn vị đã ghi được giữ nguyên.</source>
        <translation>A plan bundle (.tdplan) holds the plan, the unit directory, the reporting periods and the Department’s public key, signed by the Department. Units open it to follow the plan; when the Department amends the plan, publish again and send the new bundle: what the units recorded is kept.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="242"/>
        <source>&amp;Kế hoạch:</source>
        <translation>&amp;Plan:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="247"/>
        <source>Lần phát hành:</source>
        <translation>Revision:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="266"/>
        <source>&amp;Mở thư mục</source>
        <translation>&amp;Open folder</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="268"/>
        <source>&amp;Sao chép dấu vân tay</source>
        <translation>&amp;Copy fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="280"/>
        <source>&amp;Lưu gói kế hoạch…</source>
        <translation>&amp;Save plan bundle…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="285"/>
        <source>Đó&amp;ng</source>
        <translation>Clo&amp;se</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="302"/>
        <source>lần 1 (kế hoạch chưa phát hành lần nào)</source>
        <translation>1 (the plan has not been published before)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="305"/>
        <source>lần %1 (kế hoạch đã sửa từ lần phát hành %2)</source>
        <translation>%1 (the plan changed since revision %2)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="311"/>
        <source>lần %1, như lần trước (kế hoạch không đổi; đơn vị đã thêm lần này không cần thêm lại)</source>
        <translation>%1, as last time (the plan did not change; units that added it need not add it again)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="324"/>
        <source>Lưu gói kế hoạch</source>
        <translation>Save plan bundle</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="326"/>
        <source>Gói kế hoạch Tiến Độ (*.tdplan)</source>
        <translation>Tiến Độ plan bundles (*.tdplan)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="358"/>
        <source>Đã lưu gói kế hoạch lần phát hành %1: %2</source>
        <translation>Plan bundle revision %1 saved: %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plan_bundle.py" line="364"/>
        <source>Việc tiếp theo:
1. Gửi tệp này cho %1 đơn vị thực hiện qua thư điện tử, hoặc chép ra USB.
2. Lần đầu thêm gói, máy của đơn vị hiện dấu vân tay khóa của Sở và đơn vị sẽ gọi điện hỏi: đọc cho họ dấu vân tay dưới đây (hoặc in vào công văn gửi kèm). Đơn vị đã tin cậy khóa của Sở thì không cần hỏi lại.</source>
        <translation>Next:
1. Send this file to the %1 implementing units by e-mail, or copy it to a USB drive.
2. When a unit adds its first bundle, its computer shows the Department key’s fingerprint and the unit will call to ask: read them the fingerprint below (or print it in the covering letter). Units that already trust the Department’s key need not ask again.</translation>
    </message>
</context>
<context>
    <name>ReceivedReportDialog</name>
    <message>
        <location filename="../../ui/screens/received_report.py" line="116"/>
        <source>Gói này được nhập trước khi Sở lưu bản PDF, nên không kiểm tra được.</source>
        <translation>This package was imported before the province kept report PDFs, so it cannot be checked.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="121"/>
        <source>Báo cáo không có chữ ký số; gói chỉ có chữ ký xác thực của phần mềm. Đối chiếu với bản giấy có chữ ký và con dấu.</source>
        <translation>The report has no official signature; the package only carries the app&apos;s authentication signature. Compare it with the signed and sealed paper copy.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="73"/>
        <source>%1 — báo cáo %2, lần %3</source>
        <translation>%1 — report for %2, revision %3</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="85"/>
        <source>Xem bản &amp;PDF của báo cáo</source>
        <translation>View the report&apos;s &amp;PDF</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="93"/>
        <source>Nội dung báo cáo</source>
        <translation>Report content</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="95"/>
        <source>&amp;Nội dung báo cáo</source>
        <translation>Report &amp;content</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="97"/>
        <source>&amp;Minh chứng (%1)</source>
        <translation>&amp;Evidence (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="100"/>
        <source>Đó&amp;ng</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="138"/>
        <source>Báo cáo %1, lần %2 — gói số thứ tự %3. Đơn vị lập gói lúc %4; Sở nhận lúc %5.</source>
        <translation>Report for %1, revision %2 — package sequence number %3. Made by the unit at %4; received by the department at %5.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="146"/>
        <source>Đã có lần báo cáo mới hơn thay cho lần này.</source>
        <translation>A newer revision has replaced this one.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="168"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="169"/>
        <source>Nhiệm vụ</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="170"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="171"/>
        <source>Hoạt động</source>
        <translation>Activities</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="172"/>
        <source>Chỉ tiêu</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="187"/>
        <source>Tồn tại, hạn chế, khó khăn</source>
        <translation>Shortcomings and difficulties</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="188"/>
        <source>Phương hướng, nhiệm vụ kỳ tới</source>
        <translation>Direction and tasks for the next period</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="189"/>
        <source>Đề xuất, kiến nghị</source>
        <translation>Proposals and recommendations</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="206"/>
        <source>Tệp minh chứng</source>
        <translation>Evidence file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="206"/>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="210"/>
        <source>Các tệp minh chứng</source>
        <translation>Evidence files</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="216"/>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="218"/>
        <source>thiếu trong kho</source>
        <translation>missing from the store</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="225"/>
        <source>Gói báo cáo này không kèm tệp minh chứng nào.</source>
        <translation>This report package carries no evidence files.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="227"/>
        <source>&amp;Mở</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="229"/>
        <source>&amp;Lưu thành…</source>
        <translation>&amp;Save as…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="263"/>
        <source>Chọn thư mục lưu minh chứng</source>
        <translation>Choose a folder for the evidence file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="276"/>
        <source>Đã lưu %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="290"/>
        <source>Báo cáo %1 của %2</source>
        <translation>Report for %1 of %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/received_report.py" line="293"/>
        <source> (dựng lại từ nội dung đã nhận)</source>
        <translation> (rebuilt from the received content)</translation>
    </message>
</context>
<context>
    <name>ReportEditor</name>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="75"/>
        <source>Ví dụ: 215/BC-UBND</source>
        <translation>For example: 215/BC-UBND</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="77"/>
        <source>Số báo cáo</source>
        <translation>Report number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="78"/>
        <source>lấy ngày chốt</source>
        <translation>date finalized</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="80"/>
        <source>Ngày báo cáo</source>
        <translation>Report date</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="81"/>
        <source>Để trống thì ngày báo cáo là ngày chốt báo cáo.</source>
        <translation>If left empty, the report date is the date the report is finalized.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="82"/>
        <source>Số &amp;báo cáo:</source>
        <translation>Report &amp;number:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="84"/>
        <source>Ngà&amp;y báo cáo:</source>
        <translation>Report &amp;date:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="111"/>
        <location filename="../../ui/screens/reports/editor.py" line="121"/>
        <source>Ghi “Không có” nếu không có.</source>
        <translation>Write “None” if there are none.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="119"/>
        <source>IV. Đề x&amp;uất, kiến nghị</source>
        <translation>IV. Pr&amp;oposals</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="119"/>
        <source>Đề xuất, kiến nghị</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="115"/>
        <source>Phương hướng, nhiệm vụ kỳ tới</source>
        <translation>Direction and tasks for the next period</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="137"/>
        <source>chưa nhập</source>
        <translation>not entered</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="139"/>
        <source>Dự toán kinh phí năm sau (đồng)</source>
        <translation>Budget estimate for next year (VND)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="143"/>
        <source>đồng</source>
        <translation>VND</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="146"/>
        <source>Thuyết &amp;minh dự toán:</source>
        <translation>Budget &amp;justification:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="148"/>
        <source>Thuyết minh dự toán</source>
        <translation>Budget justification</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="299"/>
        <source>&amp;Dự toán kinh phí năm %1:</source>
        <translation>&amp;Budget estimate for %1:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="301"/>
        <source>Kế hoạch, mục III: %1</source>
        <translation>Plan, section III: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="90"/>
        <source>I. Kết quả thực hiện</source>
        <translation>I. Results</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="93"/>
        <source>1. Côn&amp;g tác chỉ đạo, triển khai</source>
        <translation>1. Direction and or&amp;ganisation</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="94"/>
        <source>Công tác chỉ đạo, triển khai</source>
        <translation>Direction and organisation</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="98"/>
        <source>Văn bản chỉ đạo, cách tổ chức thực hiện, kết quả chung trong kỳ.</source>
        <translation>Directives issued, how the work was organised, overall results in the period.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="100"/>
        <source>2. Kết quả thực hiện các nhiệm vụ</source>
        <translation>2. Results task by task</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="107"/>
        <source>II. Tồn tại, hạn chế và &amp;nguyên nhân</source>
        <translation>II. Shortcomings a&amp;nd their causes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="108"/>
        <source>Tồn tại, hạn chế và nguyên nhân</source>
        <translation>Shortcomings and their causes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="296"/>
        <source>V. Dự toán kinh phí năm %1</source>
        <translation>V. Budget estimate for %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/editor.py" line="114"/>
        <source>III. Phương hướng, nhiệm &amp;vụ kỳ tới</source>
        <translation>III. Directions and tasks for the next pe&amp;riod</translation>
    </message>
</context>
<context>
    <name>ReportPartsEditor</name>
    <message>
        <location filename="../../ui/screens/province_parts.py" line="89"/>
        <source>Các phần dưới đây do ứng dụng soạn từ báo cáo của các đơn vị; sửa trực tiếp trước khi in. Phần đã sửa được lưu cho kỳ này và không bị thay khi có báo cáo mới, trừ khi bấm “Soạn lại”.</source>
        <translation>The app drafts the parts below from the units&apos; reports; edit them directly before printing. An edited part is kept for this period and is not replaced when new reports arrive, unless you click “Redraft”.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_parts.py" line="148"/>
        <source>Soạn lại</source>
        <translation>Redraft</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_parts.py" line="149"/>
        <source>Thay phần “%1” đã sửa bằng bản do ứng dụng soạn?</source>
        <translation>Replace the edited “%1” with the app&apos;s draft?</translation>
    </message>
</context>
<context>
    <name>ReportSigning</name>
    <message>
        <location filename="../../ui/screens/reports/signing.py" line="47"/>
        <source>&amp;Ký số…</source>
        <translation>Si&amp;gn…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/signing.py" line="49"/>
        <source>Ký số báo cáo đã chốt bằng USB token: chữ ký của người có thẩm quyền, rồi chữ ký của cơ quan (con dấu).</source>
        <translation>Sign the finalized report with the USB tokens: the competent signatory&apos;s signature, then the agency&apos;s (the seal).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/signing.py" line="121"/>
        <source>Đang ký số báo cáo…</source>
        <translation>Signing the report…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/signing.py" line="128"/>
        <source>Đã ký số báo cáo: %1.</source>
        <translation>Report signed: %1.</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="17"/>
        <source>Chưa triển khai</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="18"/>
        <source>Đang thực hiện</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="19"/>
        <source>Đã hoàn thành</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="20"/>
        <source>Không áp dụng</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="80"/>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/periods.py" line="162"/>
        <source>&amp;Kỳ báo cáo:</source>
        <translation>Reporting &amp;period:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/periods.py" line="165"/>
        <source>Kỳ báo cáo</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/periods.py" line="169"/>
        <source>Hiện cả kỳ tháng, &amp;quý, 9 tháng</source>
        <translation>Also show month, &amp;quarter and 9-month periods</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="97"/>
        <source>Cập nhật &amp;số liệu</source>
        <translation>&amp;Update figures</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="99"/>
        <source>Tính lại số hoạt động và các chỉ tiêu từ các hoạt động đã ghi trong kỳ.</source>
        <translation>Recalculate the number of activities and the indicators from the activities recorded in the period.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="101"/>
        <source>Kiểm &amp;tra</source>
        <translation>Chec&amp;k</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="102"/>
        <source>Xem phần nào còn thiếu trước khi chốt.</source>
        <translation>See which parts are still missing before finalizing.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="103"/>
        <source>&amp;Chốt báo cáo</source>
        <translation>&amp;Finalize report</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="105"/>
        <source>Khóa báo cáo để in, ký và gửi; sau khi chốt không sửa trực tiếp được nữa.</source>
        <translation>Lock the report for printing, signing and sending; once finalized, it can no longer be edited directly.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="107"/>
        <source>&amp;Sửa đổi</source>
        <translation>&amp;Revise</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="109"/>
        <source>Tạo bản sửa đổi (lần mới) từ báo cáo đã chốt; bản đã chốt được giữ nguyên.</source>
        <translation>Create a revision (a new round) from the finalized report; the finalized version is kept unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="111"/>
        <source>X&amp;em bản mới nhất</source>
        <translation>View la&amp;test</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="116"/>
        <source>&amp;Xem trước</source>
        <translation>Pre&amp;view</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="117"/>
        <source>Xem báo cáo đúng như khi in ra giấy.</source>
        <translation>See the report exactly as it will look on paper.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="118"/>
        <source>&amp;In…</source>
        <translation>Pr&amp;int…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="119"/>
        <source>Lưu &amp;PDF…</source>
        <translation>&amp;Save PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/panels.py" line="61"/>
        <source>Tình trạng báo cáo</source>
        <translation>Report status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/panels.py" line="144"/>
        <source>&amp;Lập báo cáo</source>
        <translation>Cr&amp;eate report</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/panels.py" line="148"/>
        <source>Soạn bản nháp báo cáo từ các hoạt động đã ghi trong kỳ.</source>
        <translation>Draft the report from the activities recorded in the period.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/panels.py" line="202"/>
        <source>Cần hoàn thiện trước khi chốt</source>
        <translation>To complete before finalizing</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/panels.py" line="207"/>
        <source>Những phần cần hoàn thiện</source>
        <translation>Parts to complete</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/panels.py" line="210"/>
        <source>Bấm vào một dòng để đến phần cần sửa.</source>
        <translation>Click a line to go to the part that needs attention.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/panels.py" line="214"/>
        <source>Các &amp;lần báo cáo</source>
        <translation>Revision &amp;history</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/panels.py" line="229"/>
        <source>Lần</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/panels.py" line="230"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/panels.py" line="231"/>
        <source>Ngày tạo</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/panels.py" line="232"/>
        <source>Ngày chốt</source>
        <translation>Finalized</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/panels.py" line="235"/>
        <source>Các lần báo cáo</source>
        <translation>Revision history</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="38"/>
        <source>chưa lập</source>
        <translation>not created</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="42"/>
        <source>bản nháp</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="43"/>
        <source>bản nháp sửa đổi lần %1</source>
        <translation>draft revision %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="47"/>
        <source>đã chốt lần %1</source>
        <translation>finalized (revision %1)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="49"/>
        <source>đã gửi (lần %1)</source>
        <translation>sent (revision %1)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="50"/>
        <source>tỉnh đã nhận (lần %1)</source>
        <translation>received by the province (revision %1)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/periods.py" line="225"/>
        <source>%1 — %2 — hạn %3, đã quá hạn</source>
        <translation>%1 — %2 — due %3, overdue</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/periods.py" line="227"/>
        <source>%1 — %2 — hạn %3</source>
        <translation>%1 — %2 — due %3</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/periods.py" line="229"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/periods.py" line="112"/>
        <source>Chưa có kỳ báo cáo nào. Hãy ghi hoạt động trước.</source>
        <translation>No reporting periods yet. Record some activities first.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/periods.py" line="119"/>
        <source>Hạn gửi: %1</source>
        <translation>Due: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/periods.py" line="127"/>
        <source>Hạn gửi: %1, đã quá hạn</source>
        <translation>Due: %1, overdue</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/periods.py" line="135"/>
        <source>Kế hoạch không yêu cầu báo cáo kỳ này</source>
        <translation>The plan does not require a report for this period</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/periods.py" line="140"/>
        <source>Số liệu từ %1 đến %2 · %3 hoạt động trong kỳ · %4</source>
        <translation>Figures from %1 to %2 · %3 activities in the period · %4</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/panels.py" line="164"/>
        <source>Chưa có kỳ báo cáo</source>
        <translation>No reporting period yet</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/panels.py" line="172"/>
        <source>Chưa lập báo cáo %1</source>
        <translation>No report for %1 yet</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/panels.py" line="176"/>
        <source>Bấm “Lập báo cáo”: ứng dụng soạn sẵn bản nháp từ %1 hoạt động đã ghi trong kỳ; sau đó xem lại, sửa và bổ sung trước khi chốt.</source>
        <translation>Click “Create report”: the application drafts the report from the %1 activities recorded in the period; then review, edit and complete it before finalizing.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/panels.py" line="184"/>
        <source>Kỳ này chưa hết (số liệu đến ngày %1): hoạt động ghi thêm sau này được tính khi bấm “Cập nhật số liệu”.</source>
        <translation>This period has not ended yet (figures up to %1): activities recorded later are counted when you click “Update figures”.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="56"/>
        <source>Bản nháp</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="57"/>
        <source>Đã chốt</source>
        <translation>Finalized</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="58"/>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="59"/>
        <source>Tỉnh đã nhận</source>
        <translation>Received by province</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/panels.py" line="82"/>
        <source>Đang xem lần %1 (bản cũ) — chỉ xem. Bản mới nhất là lần %2.</source>
        <translation>Viewing revision %1 (an older version) — read only. The latest is revision %2.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/panels.py" line="90"/>
        <source>Bản nháp lần %1 — mọi thay đổi được lưu ngay khi nhập, không cần bấm Lưu.</source>
        <translation>Draft, revision %1 — every change is saved as you type; there is no need to click Save.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/panels.py" line="96"/>
        <source>Có hoạt động được thêm, sửa hoặc xóa sau khi lập báo cáo: bấm “Cập nhật số liệu” để tính lại số liệu.</source>
        <translation>Activities have been added, edited or deleted since the report was created: click “Update figures” to recalculate the figures.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/panels.py" line="104"/>
        <source>Báo cáo đã khóa, chỉ xem. Muốn thay đổi, bấm “Sửa đổi” để tạo bản sửa đổi.</source>
        <translation>The report is locked and read only. To change it, click “Revise” to create a revision.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="67"/>
        <source>Đã chốt lần %1 ngày %2, đã gửi ngày %3.</source>
        <translation>Revision %1 finalized on %2, sent on %3.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="72"/>
        <source>Đã chốt lần %1 ngày %2, tỉnh đã nhận ngày %3.</source>
        <translation>Revision %1 finalized on %2, received by the province on %3.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="77"/>
        <source>Đã chốt lần %1 ngày %2.</source>
        <translation>Revision %1 finalized on %2.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/panels.py" line="258"/>
        <source>Đã đủ nội dung. Có thể chốt báo cáo.</source>
        <translation>All parts are complete. The report can be finalized.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="98"/>
        <source>Nhiệm vụ %1: nhập kết quả thực hiện (đã chọn “có thực hiện”).</source>
        <translation>Task %1: enter the results (its status says it was carried out).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="101"/>
        <source>Nhiệm vụ %1: có %2 hoạt động trong kỳ nhưng trạng thái là “chưa triển khai”; chọn lại trạng thái.</source>
        <translation>Task %1: there are %2 activities in the period but the status is “Not started”; choose the status again.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="106"/>
        <source>Nhiệm vụ %1: nhập tỷ lệ hoàn thành (%) vì nhiệm vụ có thời hạn.</source>
        <translation>Task %1: enter the completion rate (%), as the task has a deadline.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="109"/>
        <source>Nhiệm vụ %1: đã hoàn thành thì tỷ lệ phải là 100%.</source>
        <translation>Task %1: a completed task must have a completion rate of 100%.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="115"/>
        <source>Nhập “Đề xuất, kiến nghị” (ghi “Không có” nếu không có).</source>
        <translation>Fill in “Proposals” (write “None” if there are none).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="118"/>
        <source>Nhập “Phương hướng, nhiệm vụ kỳ tới”.</source>
        <translation>Fill in “Direction and tasks for the next period”.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="121"/>
        <source>Nhập dự toán kinh phí năm %1 (mục III của kế hoạch); ghi 0 nếu không đề nghị kinh phí.</source>
        <translation>Enter the budget estimate for %1 (section III of the plan); enter 0 if no funding is requested.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="337"/>
        <source>Đã lưu lúc %1</source>
        <translation>Saved at %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="391"/>
        <source>Đang lập báo cáo từ các hoạt động…</source>
        <translation>Creating the report from the activities…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="397"/>
        <source>Đã lập bản nháp báo cáo %1.</source>
        <translation>Draft report for %1 created.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="446"/>
        <source>Lỗi đã được ghi vào nhật ký của ứng dụng.</source>
        <translation>The error has been written to the application log.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/dialogs.py" line="56"/>
        <source>Cập nhật số liệu</source>
        <translation>Update figures</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="465"/>
        <source>Đang tính lại số liệu…</source>
        <translation>Recalculating the figures…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="470"/>
        <source>Đã cập nhật số liệu từ các hoạt động.</source>
        <translation>Figures updated from the activities.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="482"/>
        <source>Còn %1 phần cần hoàn thiện.</source>
        <translation>%1 part(s) still to complete.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="487"/>
        <source>Báo cáo đã đủ nội dung, có thể chốt.</source>
        <translation>The report is complete and can be finalized.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/dialogs.py" line="92"/>
        <source>Chưa chốt được báo cáo</source>
        <translation>The report cannot be finalized yet</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/dialogs.py" line="93"/>
        <source>Cần hoàn thiện %1 phần sau rồi mới chốt được báo cáo:</source>
        <translation>Complete the following %1 part(s) before the report can be finalized:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/dialogs.py" line="104"/>
        <location filename="../../ui/screens/reports/dialogs.py" line="112"/>
        <source>Chốt báo cáo</source>
        <translation>Finalize report</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/dialogs.py" line="105"/>
        <source>Chốt báo cáo %1 (lần %2)?

Sau khi chốt, báo cáo bị khóa để in, ký và gửi; muốn thay đổi phải tạo bản sửa đổi.</source>
        <translation>Finalize the report for %1 (revision %2)?

Once finalized, the report is locked for printing, signing and sending; to change it, you will have to create a revision.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/dialogs.py" line="113"/>
        <source>Chưa chốt</source>
        <translation>Don&apos;t finalize</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="510"/>
        <source>Đã chốt báo cáo %1 (lần %2).</source>
        <translation>Report for %1 finalized (revision %2).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/dialogs.py" line="119"/>
        <source>Tạo bản sửa đổi lần %1 của báo cáo %2?

Bản lần %3 đã chốt được giữ nguyên để đối chiếu; bản sửa đổi là bản nháp mới, sửa xong phải chốt lại.</source>
        <translation>Create revision %1 of the report for %2?

The finalized revision %3 is kept unchanged for reference; the revision is a new draft that must be finalized again after editing.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/dialogs.py" line="125"/>
        <source>Bản đã gửi lên tỉnh không thay đổi; sau khi sửa phải gửi lại.</source>
        <translation>The version already sent to the province is not changed; after editing, you must send the report again.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/dialogs.py" line="135"/>
        <source>Sửa đổi báo cáo</source>
        <translation>Revise report</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/dialogs.py" line="137"/>
        <source>Tạo bản sửa đổi</source>
        <translation>Create revision</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/dialogs.py" line="138"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="539"/>
        <source>Đã tạo bản sửa đổi lần %1 của báo cáo %2.</source>
        <translation>Revision %1 of the report for %2 created.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/pdf.py" line="43"/>
        <source>Báo cáo %1 (lần %2, %3)</source>
        <translation>Report for %1 (revision %2, %3)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="572"/>
        <source>Đang tạo bản xem trước…</source>
        <translation>Creating the preview…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="579"/>
        <source>Đang chuẩn bị bản in…</source>
        <translation>Preparing the printout…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="587"/>
        <source>Lưu báo cáo thành tệp PDF</source>
        <translation>Save report as PDF file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="590"/>
        <source>Đang lưu tệp PDF…</source>
        <translation>Saving the PDF file…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/pdf.py" line="74"/>
        <source>Đã gửi báo cáo tới máy in.</source>
        <translation>Report sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/pdf.py" line="80"/>
        <source>Đã lưu báo cáo vào tệp %1.</source>
        <translation>Report saved to the file %1.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="623"/>
        <source>Đã hủy tạo tệp PDF.</source>
        <translation>PDF creation cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="120"/>
        <source>Lưu &amp;Word…</source>
        <translation>Save &amp;Word…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="122"/>
        <source>Lưu báo cáo thành tệp Word (.docx) để hoàn thiện trong Word.</source>
        <translation>Save the report as a Word file (.docx) to finish it in Word.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="124"/>
        <source>Kèm p&amp;hụ lục</source>
        <translation>With appe&amp;ndix</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="126"/>
        <source>In kèm Phụ lục: danh sách mọi hoạt động trong kỳ, theo từng nhiệm vụ.</source>
        <translation>Add an appendix: every activity of the period, task by task.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="598"/>
        <source>Lưu báo cáo thành tệp Word</source>
        <translation>Save the report as a Word file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="601"/>
        <source>Đang lưu tệp Word…</source>
        <translation>Saving the Word file…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="86"/>
        <source>Nhập phần “Công tác chỉ đạo, triển khai”.</source>
        <translation>Fill in “Direction and organisation”.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="89"/>
        <source>Chưa có chức vụ người ký: nhập ở màn hình Cài đặt.</source>
        <translation>The signer&apos;s title is missing: enter it on the Settings screen.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="92"/>
        <source>Chưa có họ tên người ký: nhập ở màn hình Cài đặt.</source>
        <translation>The signer&apos;s name is missing: enter it on the Settings screen.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="95"/>
        <source>Chưa có “Nơi nhận”: nhập ở màn hình Cài đặt.</source>
        <translation>“Recipients” is empty: enter them on the Settings screen.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/texts.py" line="112"/>
        <source>Nhập “Tồn tại, hạn chế và nguyên nhân” (ghi “Không có” nếu không có).</source>
        <translation>Fill in “Shortcomings and their causes” (write “None” if there are none).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/dialogs.py" line="49"/>
        <location filename="../../ui/screens/reports/screen.py" line="436"/>
        <source>công tác chỉ đạo, triển khai</source>
        <translation>direction and organisation</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/dialogs.py" line="51"/>
        <location filename="../../ui/screens/reports/screen.py" line="441"/>
        <source>nhiệm vụ %1</source>
        <translation>task %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/dialogs.py" line="57"/>
        <source>Số hoạt động và các chỉ tiêu sẽ được tính lại từ các hoạt động đã ghi; phần chưa sửa được soạn lại.

Các phần sau đã được sửa sau khi soạn: %1. Có thay cả các phần này bằng bản soạn mới không?</source>
        <translation>The number of activities and the indicators will be recounted from the recorded activities; parts not edited are drafted again.

These parts were edited after they were drafted: %1. Replace them too with a new draft?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/dialogs.py" line="63"/>
        <source>Thay cả phần đã sửa</source>
        <translation>Replace the edited parts too</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/dialogs.py" line="64"/>
        <source>Giữ phần đã sửa</source>
        <translation>Keep the edited parts</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="112"/>
        <source>&amp;Gửi báo cáo…</source>
        <translation>&amp;Send the report…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="114"/>
        <source>Báo cáo đã chốt: xuất gói báo cáo có chữ ký để gửi lên tỉnh.</source>
        <translation>The report is finalized: export the signed report package to send to the province.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/panels.py" line="109"/>
        <source>Bước tiếp theo: in để lãnh đạo ký, rồi bấm “Gửi báo cáo…” để xuất gói báo cáo gửi lên tỉnh.</source>
        <translation>Next: print it for the leader to sign, then press “Send the report…” to export the report package for the province.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/dialogs.py" line="74"/>
        <source>Dùng nội dung báo cáo 6 tháng</source>
        <translation>Use the 6-month report&apos;s text</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/dialogs.py" line="75"/>
        <source>Báo cáo %1 có phần đánh giá anh/chị đã viết: %2.

Dùng các phần này làm nội dung ban đầu của báo cáo năm? Số liệu vẫn tính cho cả năm; hãy đọc lại để sửa những chỗ chỉ nói về 6 tháng.</source>
        <translation>The %1 report has assessment text you wrote: %2.

Start the year report from these parts? The figures are still counted for the whole year; read them through and correct what speaks only of six months.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/dialogs.py" line="83"/>
        <source>Dùng nội dung 6 tháng</source>
        <translation>Use the 6-month text</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/dialogs.py" line="84"/>
        <source>Giữ bản soạn tự động</source>
        <translation>Keep the automatic draft</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="430"/>
        <source>Đã dùng nội dung báo cáo 6 tháng; hãy đọc lại.</source>
        <translation>The 6-month report&apos;s text is in; read it through.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="437"/>
        <source>tồn tại, hạn chế và nguyên nhân</source>
        <translation>shortcomings and their causes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="438"/>
        <source>đề xuất, kiến nghị</source>
        <translation>proposals and recommendations</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/screen.py" line="439"/>
        <source>phương hướng, nhiệm vụ kỳ tới</source>
        <translation>directions and tasks for the next period</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/widgets/restore_dialog.py" line="62"/>
        <source>Khôi phục dữ liệu</source>
        <translation>Restore data</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_dialog.py" line="76"/>
        <source>&amp;Khôi phục</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_dialog.py" line="79"/>
        <source>&amp;Chọn tệp khác…</source>
        <translation>C&amp;hoose another file…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_dialog.py" line="85"/>
        <source>Mở chỉ để &amp;xem</source>
        <translation>Open for &amp;viewing only</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_dialog.py" line="87"/>
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_dialog.py" line="92"/>
        <source>&amp;Hủy</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_dialog.py" line="101"/>
        <source>Dữ liệu bị hỏng nên Tiến Độ chưa thể ghi thêm.</source>
        <translation>The data is damaged, so Tiến Độ cannot save anything for now.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_dialog.py" line="106"/>
        <source>Khôi phục thay toàn bộ dữ liệu hiện tại bằng dữ liệu trong bản sao lưu. Dữ liệu hiện tại được giữ lại trong thư mục sao lưu.</source>
        <translation>Restoring replaces all the current data with the data in the backup. The current data is kept in the backup folder.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_dialog.py" line="110"/>
        <source>Khôi phục từ bản sao lưu ngày %1?</source>
        <translation>Restore from the backup of %1?</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_dialog.py" line="114"/>
        <source>%5: %1 hoạt động, %2 báo cáo, %3 tệp minh chứng — %4</source>
        <translation>%5: %1 activities, %2 reports, %3 evidence files — %4</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_dialog.py" line="123"/>
        <source>Không tìm thấy bản sao lưu tự động nào còn dùng được. Hãy chọn tệp sao lưu (ví dụ trên ổ USB).</source>
        <translation>No usable automatic backup was found. Please choose a backup file (for example on a USB drive).</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_dialog.py" line="134"/>
        <source>Chọn bản sao lưu</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_dialog.py" line="136"/>
        <source>Bản sao lưu Tiến Độ (*.zip)</source>
        <translation>Tiến Độ backups (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_dialog.py" line="173"/>
        <source>Đang kiểm tra và khôi phục…</source>
        <translation>Checking and restoring…</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="113"/>
        <source>&amp;Mở thư mục</source>
        <translation>&amp;Open folder</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="118"/>
        <source>Đó&amp;ng</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="44"/>
        <source>Chào mừng đến với Tiến Độ</source>
        <translation>Welcome to Tiến Độ</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="47"/>
        <source>Ứng dụng giúp cơ quan theo dõi, báo cáo kết quả thực hiện kế hoạch. Trước hết, cho biết máy này dùng ở đâu.</source>
        <translation>This application helps offices track and report on how a plan is being carried out. First, tell us where this computer is used.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="54"/>
        <source>Đơn vị &amp;thực hiện kế hoạch (xã, phường, sở, ngành…) — ghi hoạt động, lập và gửi báo cáo</source>
        <translation>A &amp;unit carrying out the plan (commune, ward, department…) — records activities, drafts and sends reports</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="59"/>
        <source>Cơ quan theo &amp;dõi kế hoạch — nhận, kiểm tra và tổng hợp báo cáo</source>
        <translation>The plan&apos;s &amp;monitoring body — receives, checks and compiles reports</translation>
    </message>
</context>
<context>
    <name>SelectorField</name>
    <message>
        <location filename="../../ui/screens/plans/unit_picker.py" line="122"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/unit_picker.py" line="133"/>
        <source>(chưa chọn đơn vị)</source>
        <translation>(no unit chosen)</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../ui/widgets/setup_fields.py" line="17"/>
        <source>Họ và tên người lập báo cáo</source>
        <translation>Full name of the person preparing reports</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/setup_fields.py" line="19"/>
        <source>Ví dụ: Nguyễn Văn An</source>
        <translation>For example: Nguyen Van An</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/setup_fields.py" line="26"/>
        <source>Địa danh ghi trên dòng ngày tháng, ví dụ: Chư Sê</source>
        <translation>Place name on the date line, for example: Chu Se</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/setup_fields.py" line="30"/>
        <source>&amp;Người lập báo cáo:</source>
        <translation>&amp;Prepared by:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/setup_fields.py" line="31"/>
        <source>Người &amp;ký:</source>
        <translation>Si&amp;gnatory:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/setup_fields.py" line="32"/>
        <source>Thẩm quyền ký (TM.):</source>
        <translation>On behalf of (TM.):</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/setup_fields.py" line="33"/>
        <source>Ký thay (KT.):</source>
        <translation>Signing for (KT.):</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/setup_fields.py" line="34"/>
        <source>&amp;Chức vụ người ký:</source>
        <translation>Signatory&apos;s &amp;title:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/setup_fields.py" line="35"/>
        <source>Ký &amp;hiệu số báo cáo:</source>
        <translation>Report n&amp;umber suffix:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/setup_fields.py" line="36"/>
        <source>Địa &amp;danh:</source>
        <translation>Pl&amp;ace name:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/setup_fields.py" line="37"/>
        <source>Nơi &amp;nhận (mỗi dòng một nơi):</source>
        <translation>&amp;Recipients (one per line):</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../ui/screens/settings.py" line="49"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="51"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="56"/>
        <source>Đơn vị thực hiện kế hoạch</source>
        <translation>Unit carrying out the plan</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="58"/>
        <source>Cơ quan theo dõi kế hoạch</source>
        <translation>The plan&apos;s monitoring body</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="60"/>
        <source>Tên đơn vị:</source>
        <translation>Unit name:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="61"/>
        <source>Mã đơn vị:</source>
        <translation>Unit code:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="62"/>
        <source>Trực thuộc:</source>
        <translation>Parent unit:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="63"/>
        <source>Vai trò:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="66"/>
        <source>Kế hoạch đang làm việc:</source>
        <translation>Plan in use:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="75"/>
        <source>Người lập, người ký và trình bày báo cáo</source>
        <translation>Preparer, signatory and report layout</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="80"/>
        <source>Các thay đổi được lưu ngay khi rời khỏi ô nhập.</source>
        <translation>Changes are saved as soon as you leave a field.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="97"/>
        <source>Ngôn ngữ và dữ liệu</source>
        <translation>Language and data</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="100"/>
        <source>Tiếng Việt</source>
        <translation>Vietnamese (Tiếng Việt)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="104"/>
        <source>&amp;Ngôn ngữ giao diện:</source>
        <translation>Interface &amp;language:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="109"/>
        <source>&amp;Mở thư mục</source>
        <translation>&amp;Open folder</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="114"/>
        <source>Thư mục dữ liệu:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="145"/>
        <source>Đã lưu cài đặt.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="151"/>
        <source>Ngôn ngữ mới được áp dụng khi mở lại ứng dụng.</source>
        <translation>The new language takes effect when you reopen the application.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="507"/>
        <source>Thiết lập Tiến Độ</source>
        <translation>Set up Tiến Độ</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="510"/>
        <source>&amp;Tiếp &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="511"/>
        <source>&lt; &amp;Quay lại</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="512"/>
        <source>&amp;Hoàn tất</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="513"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ShellWindow</name>
    <message>
        <location filename="../../ui/shell.py" line="82"/>
        <source>Chuyển màn hình</source>
        <translation>Switch screen</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="105"/>
        <source>Tiến Độ</source>
        <translation>Tiến Độ</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="184"/>
        <source>Chọn kế hoạch</source>
        <translation>Choose the plan</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="260"/>
        <source>Đang mở dữ liệu…</source>
        <translation>Opening the data…</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="337"/>
        <source>Đang làm việc với %1.</source>
        <translation>Now working on %1.</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="350"/>
        <source>Màn hình %1 đang làm một việc chưa xong.</source>
        <translation>The %1 screen is still busy with a task.</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="351"/>
        <source>Chờ việc đó xong (hoặc bấm Hủy) rồi chọn lại kế hoạch.</source>
        <translation>Wait for it to finish (or click Cancel), then choose the plan again.</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="363"/>
        <source>Đổi kế hoạch</source>
        <translation>Change plan</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="365"/>
        <source>Chưa lưu được thay đổi ở màn hình %1. Nếu đổi kế hoạch bây giờ, các thay đổi đó sẽ mất.

Vẫn đổi kế hoạch?</source>
        <translation>Changes on the %1 screen could not be saved. If you change the plan now, they will be lost.

Change the plan anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="368"/>
        <source>&amp;Vẫn đổi</source>
        <translation>&amp;Change anyway</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="369"/>
        <source>Ở &amp;lại</source>
        <translation>&amp;Stay</translation>
    </message>
</context>
<context>
    <name>SignerPanel</name>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="61"/>
        <source>Chữ ký số trên báo cáo nhận được</source>
        <translation>Official signatures on received reports</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="64"/>
        <source>Sở kiểm tra chữ ký số trên báo cáo của các đơn vị theo các chứng thư gốc và danh sách thu hồi (CRL) nhập ở đây, không cần mạng.</source>
        <translation>The province checks the official signatures on the units&apos; reports against the root certificates and revocation lists (CRLs) imported here, with no network.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="69"/>
        <source>Chữ ký số (USB token)</source>
        <translation>Official signatures (USB token)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="94"/>
        <source>Đường dẫn tệp .dll hoặc .so của token</source>
        <translation>Path of the token&apos;s .dll or .so file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="95"/>
        <source>Tệp trình điều khiển token</source>
        <translation>Token driver file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="96"/>
        <source>&amp;Chọn tệp…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="100"/>
        <source>Trình điều khiển:</source>
        <translation>Driver:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="103"/>
        <source>USB token</source>
        <translation>USB token</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="104"/>
        <source>Đọc &amp;token</source>
        <translation>Read &amp;token</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="105"/>
        <source>Liệt kê các token đang cắm và chứng thư trên đó.</source>
        <translation>List the tokens plugged in and the certificates on them.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="110"/>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="112"/>
        <source>Chứng thư số trên token</source>
        <translation>Certificates on the token</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="114"/>
        <source>Chứng thư số:</source>
        <translation>Certificates:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="125"/>
        <source>Dùng cho người ký</source>
        <translation>Use for the signatory</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="127"/>
        <source>Dùng cho cơ quan</source>
        <translation>Use for the agency</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="129"/>
        <source>Dùng chứng thư đang chọn ở trên cho vai trò này.</source>
        <translation>Use the certificate selected above for this role.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="131"/>
        <source>Bỏ</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="137"/>
        <source>Người có thẩm quyền ký:</source>
        <translation>Competent signatory:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="139"/>
        <source>Cơ quan (con dấu):</source>
        <translation>Agency (seal):</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="147"/>
        <source>Ảnh chữ ký:</source>
        <translation>Signature image:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="148"/>
        <source>Ảnh con dấu:</source>
        <translation>Seal image:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="153"/>
        <source>Chọn ảnh…</source>
        <translation>Choose image…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="160"/>
        <source>Ảnh .png nền trong suốt (Phụ lục I Nghị định 30/2020): chữ ký màu xanh đặt giữa chức vụ và họ tên người ký; con dấu màu đỏ trùm khoảng 1/3 chữ ký về bên trái, kèm tên cơ quan và thời gian ký.</source>
        <translation>Transparent .png images (Decree 30/2020, Annex I): the blue signature goes between the signatory&apos;s title and name; the red seal covers about the left third of the signature, with the agency&apos;s name and the signing time.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="174"/>
        <source>Nhập chứng thư &amp;gốc…</source>
        <translation>Import &amp;root certificate…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="176"/>
        <source>Chứng thư gốc của tổ chức cấp chứng thư (ví dụ Ban Cơ yếu Chính phủ).</source>
        <translation>The certificate authority&apos;s root certificate (for example the Government CA&apos;s).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="179"/>
        <source>Nhập danh sách thu hồi (CRL)…</source>
        <translation>Import revocation list (CRL)…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="194"/>
        <source>%1 (token %2)</source>
        <translation>%1 (token %2)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="196"/>
        <location filename="../../ui/screens/signer_panel.py" line="200"/>
        <source>chưa chọn</source>
        <translation>not chosen</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="203"/>
        <source>Chứng thư gốc tin cậy: %1; danh sách thu hồi: %2.</source>
        <translation>Trusted roots: %1; revocation lists: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="212"/>
        <source>Báo cáo đã chốt có thể ký số trên màn hình Báo cáo (nút “Ký số”). Mã PIN được hỏi mỗi lần ký và không được lưu.</source>
        <translation>A finalized report can be signed on the Reports screen (the “Sign” button). The PIN is asked at each signing and never stored.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="219"/>
        <source>Chưa cài đặt chữ ký số. Gói báo cáo chỉ có chữ ký xác thực của phần mềm; bản giấy vẫn cần chữ ký của lãnh đạo và đóng dấu.</source>
        <translation>No official signature is set up. A report package only carries the app&apos;s authentication signature; the paper copy still needs the leader&apos;s signature and the seal.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="230"/>
        <source>Chọn trình điều khiển của USB token</source>
        <translation>Choose the USB token&apos;s driver</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="256"/>
        <source>Không thấy USB token nào đang cắm vào máy.</source>
        <translation>No USB token is plugged in.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="284"/>
        <source>Đọc token rồi chọn một chứng thư số trước.</source>
        <translation>Read the token and choose a certificate first.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="295"/>
        <source>Đã chọn chữ ký số của %1: %2.</source>
        <translation>Official signature of the %1 set: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="302"/>
        <source>Đã bỏ chữ ký số của %1.</source>
        <translation>Official signature of the %1 removed.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="306"/>
        <source>Chọn ảnh</source>
        <translation>Choose an image</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="306"/>
        <source>Ảnh (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="315"/>
        <source>Đã lưu ảnh.</source>
        <translation>Image saved.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="321"/>
        <source>Chọn chứng thư gốc</source>
        <translation>Choose a root certificate</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="323"/>
        <source>Chứng thư (*.pem *.crt *.cer *.der);;Mọi tệp (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="333"/>
        <source>Đã tin cậy chứng thư gốc: %1.</source>
        <translation>Root certificate trusted: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="339"/>
        <source>Chọn danh sách thu hồi</source>
        <translation>Choose a revocation list</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="341"/>
        <source>Danh sách thu hồi (*.crl *.pem);;Mọi tệp (*)</source>
        <translation>Revocation lists (*.crl *.pem);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="351"/>
        <source>Đã nhập danh sách thu hồi của %1 (%2 chứng thư).</source>
        <translation>Revocation list of %1 imported (%2 certificates).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/signer_panel.py" line="80"/>
        <source>Trình điều khiển (PKCS#11) là tệp do phần mềm của USB token cài vào máy. Trên Windows thường nằm trong C:\Windows\System32 hoặc trong thư mục của phần mềm token ở C:\Program Files, ví dụ của token Ban Cơ yếu Chính phủ (VGCA), Viettel-CA, VNPT-CA, BKAV-CA; tên tệp thường có chữ “pkcs11”, “p11” hoặc tên hãng token (xem tài liệu đi kèm token). Cần bản 64-bit (không dùng tệp trong SysWOW64). Bấm “Chọn tệp…” để tìm tệp. Trên Linux là tệp .so.</source>
        <translation>The driver (PKCS#11) is a file the USB token&apos;s software installs on the PC. On Windows it is usually in C:\Windows\System32 or in the token software&apos;s folder under C:\Program Files, for example for the tokens of the Government Cipher Committee (VGCA), Viettel-CA, VNPT-CA, BKAV-CA; its name usually contains “pkcs11”, “p11” or the token maker&apos;s name (see the token&apos;s documentation). The 64-bit one is needed (not a file in SysWOW64). Click “Browse…” to find it. On Linux it is a .so file.</translation>
    </message>
</context>
<context>
    <name>SigningKeyPanel</name>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="132"/>
        <source>Khóa ký</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="138"/>
        <source>Sở ký biên nhận gửi lại các đơn vị bằng khóa này; các đơn vị cần khóa công khai của Sở để kiểm tra biên nhận.</source>
        <translation>The department signs the receipts it sends back to units with this key; units need the department&apos;s public key to check them.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="143"/>
        <source>Đơn vị ký gói báo cáo bằng khóa này (chữ ký xác thực của phần mềm); Sở chỉ nhận gói ký bằng khóa đã đăng ký của đơn vị.</source>
        <translation>The unit signs its report packages with this key (the software&apos;s authentication signature); the department accepts only packages signed with the unit&apos;s enrolled key.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="152"/>
        <source>Mã khóa:</source>
        <translation>Key id:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="154"/>
        <source>Dấu vân tay khóa ký</source>
        <translation>Fingerprint of the signing key</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="155"/>
        <source>Dấu vân tay:</source>
        <translation>Fingerprint:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="158"/>
        <source>Nơi cất:</source>
        <translation>Kept in:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="168"/>
        <source>&amp;Xuất khóa công khai…</source>
        <translation>E&amp;xport the public key…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="170"/>
        <source>Đổi &amp;khóa…</source>
        <translation>Rotate the &amp;key…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="172"/>
        <source>Xuất bản sao có &amp;mật khẩu…</source>
        <translation>Export a &amp;passphrase-protected copy…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="174"/>
        <source>Bản sao khóa ký được mã hóa, để cất vào tủ hồ sơ và chuyển sang máy mới.</source>
        <translation>An encrypted copy of the signing key, for the office safe and for moving to a new PC.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="177"/>
        <source>&amp;Nhập khóa từ tệp…</source>
        <translation>&amp;Import the key from a file…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="179"/>
        <source>Mất khóa? &amp;Tạo khóa mới…</source>
        <translation>Key lost? &amp;Make a new key…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="202"/>
        <source>Máy này chưa có khóa ký. Nhập khóa đã xuất từ máy cũ, hoặc tạo khóa mới.</source>
        <translation>This computer has no signing key. Import the key exported from the old PC, or make a new key.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="208"/>
        <source>kho khóa của hệ điều hành</source>
        <translation>the operating system&apos;s keyring</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="210"/>
        <source>tệp mã hóa bằng mật khẩu trong thư mục dữ liệu</source>
        <translation>a passphrase-encrypted file in the data folder</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="213"/>
        <source>Không có trong bản sao lưu: cất bản sao có mật khẩu ở nơi an toàn.</source>
        <translation>Not in backups: keep a passphrase-protected copy somewhere safe.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="216"/>
        <source>Khóa bí mật không có trên máy này (máy mới, hoặc khóa bị mất): nhập bản sao có mật khẩu, hoặc tạo khóa mới và gửi yêu cầu đăng ký lại.</source>
        <translation>The secret key is not on this computer (a new PC, or the key was lost): import the passphrase-protected copy, or make a new key and send a re-enrollment request.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="229"/>
        <source>Chọn nơi lưu tệp khóa công khai</source>
        <translation>Choose where to save the public key file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="243"/>
        <source>Đã xuất khóa công khai</source>
        <translation>Public key exported</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="253"/>
        <source>Đã lưu &lt;b&gt;%1&lt;/b&gt;.&lt;br&gt;Gửi tệp này cho các đơn vị (kèm văn bản hoặc thư điện tử). Khi đơn vị gọi điện đối chiếu, đọc cho họ dấu vân tay dưới đây:</source>
        <translation>Saved &lt;b&gt;%1&lt;/b&gt;.&lt;br&gt;Send this file to the units (with the covering letter or by e-mail). When a unit calls to compare, read them the fingerprint below:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="258"/>
        <source>Đã lưu &lt;b&gt;%1&lt;/b&gt;.&lt;br&gt;Gửi tệp này cho %2 (thư điện tử hoặc USB), rồi gọi điện đọc dấu vân tay dưới đây để Sở đối chiếu trước khi đăng ký:</source>
        <translation>Saved &lt;b&gt;%1&lt;/b&gt;.&lt;br&gt;Send this file to %2 (e-mail or USB stick), then call and read out the fingerprint below so the department can compare it before enrolling:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="269"/>
        <location filename="../../ui/screens/settings_keys.py" line="420"/>
        <source>các đơn vị</source>
        <translation>the units</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="269"/>
        <location filename="../../ui/screens/settings_keys.py" line="420"/>
        <source>Sở</source>
        <translation>the department</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="272"/>
        <source>Đổi khóa ký</source>
        <translation>Rotate the signing key</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="274"/>
        <source>Tạo khóa ký mới thay khóa hiện tại? Khóa cũ ký xác nhận cho khóa mới; tệp đổi khóa phải được gửi cho %1 trước khi dùng khóa mới.</source>
        <translation>Make a new signing key in place of the current one? The old key signs for the new one; the rotation file must reach %1 before the new key is used.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="277"/>
        <source>&amp;Đổi khóa</source>
        <translation>&amp;Rotate</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="278"/>
        <location filename="../../ui/screens/settings_keys.py" line="413"/>
        <location filename="../../ui/screens/settings_keys.py" line="437"/>
        <source>&amp;Không</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="281"/>
        <source>Chọn nơi lưu tệp đổi khóa</source>
        <translation>Choose where to save the rotation file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="294"/>
        <source>Đã đổi khóa %1 → %2 và lưu tệp đổi khóa &lt;b&gt;%3&lt;/b&gt;.&lt;br&gt;Gửi tệp này cho các đơn vị: Tiến Độ của đơn vị kiểm tra được tệp bằng khóa cũ, không cần gọi điện. Biên nhận từ nay được ký bằng khóa mới:</source>
        <translation>Rotated key %1 → %2 and saved the rotation file &lt;b&gt;%3&lt;/b&gt;.&lt;br&gt;Send this file to the units: their Tien Do checks it with the old key, no phone call needed. Receipts are signed with the new key from now on:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="300"/>
        <source>Đã đổi khóa %1 → %2 và lưu tệp đổi khóa &lt;b&gt;%3&lt;/b&gt;.&lt;br&gt;Gửi tệp này cho Sở trước khi gửi gói báo cáo tiếp theo: Sở nhập tệp ở màn hình Đơn vị và khóa. Khóa mới:</source>
        <translation>Rotated key %1 → %2 and saved the rotation file &lt;b&gt;%3&lt;/b&gt;.&lt;br&gt;Send this file to the department before the next report package: the department imports it on its Units and keys screen. The new key:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="310"/>
        <source>Đã đổi khóa ký</source>
        <translation>Signing key rotated</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="318"/>
        <source>Mật khẩu cho bản sao khóa ký</source>
        <translation>Passphrase for the key copy</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="320"/>
        <source>Đặt mật khẩu bảo vệ bản sao khóa ký (ít nhất %1 ký tự). Ghi mật khẩu vào giấy, niêm phong và cất riêng với tệp: thiếu mật khẩu thì không ai mở được, kể cả chính đơn vị.</source>
        <translation>Set a passphrase to protect the copy of the signing key (at least %1 characters). Write it on paper, seal it and keep it apart from the file: without it no one can open the copy, not even the unit.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="334"/>
        <source>Chọn nơi lưu bản sao khóa ký (ví dụ ổ USB)</source>
        <translation>Choose where to save the key copy (for example a USB stick)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="347"/>
        <source>Đã xuất bản sao khóa ký</source>
        <translation>Key copy exported</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="349"/>
        <source>Đã lưu bản sao khóa ký đã mã hóa &lt;b&gt;%1&lt;/b&gt;.&lt;br&gt;Cất USB vào tủ hồ sơ của cơ quan. Trên máy mới: Cài đặt › Khóa ký › Nhập khóa từ tệp…, rồi nhập mật khẩu.</source>
        <translation>Saved the encrypted key copy &lt;b&gt;%1&lt;/b&gt;.&lt;br&gt;Keep the USB stick in the office safe. On a new PC: Settings › Signing key › Import the key from a file…, then type the passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="361"/>
        <source>Chọn bản sao khóa ký</source>
        <translation>Choose the key copy</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="363"/>
        <source>Bản sao khóa ký (*.tdsecret);;Mọi tệp (*)</source>
        <translation>Signing key copies (*.tdsecret);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="368"/>
        <source>Mật khẩu của bản sao khóa ký</source>
        <translation>Passphrase of the key copy</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="369"/>
        <source>Nhập mật khẩu đã đặt khi xuất bản sao khóa ký:</source>
        <translation>Type the passphrase set when the key copy was exported:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="398"/>
        <source>Đã nhập khóa ký %1; máy này ký được gói như trước.</source>
        <translation>Imported signing key %1; this computer signs packages as before.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="405"/>
        <source>Thay khóa ký</source>
        <translation>Replace the signing key</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="407"/>
        <source>Máy này đang có khóa %1; tệp chứa khóa %2. Dùng khóa trong tệp thay khóa hiện tại? Chỉ làm vậy khi khóa %2 là khóa Sở đang đăng ký cho đơn vị.</source>
        <translation>This computer has key %1; the file holds key %2. Use the key in the file instead? Only do so when key %2 is the one the department has enrolled for the unit.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="412"/>
        <source>&amp;Thay khóa</source>
        <translation>&amp;Replace</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="422"/>
        <source>Nếu còn bản sao khóa có mật khẩu, hãy nhập bản sao đó thay vì tạo khóa mới. Tạo khóa mới thì %1 phải đăng ký lại sau khi đối chiếu dấu vân tay qua điện thoại. Tạo khóa mới?</source>
        <translation>If a passphrase-protected copy of the key exists, import it instead of making a new key. With a new key, %1 must enroll it again after comparing the fingerprint by phone. Make a new key?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="429"/>
        <source>Khóa ký vẫn còn trên máy này. Nếu còn mở được (nhớ mật khẩu), hãy dùng “Đổi khóa…”: khóa cũ xác nhận cho khóa mới, không phải đăng ký lại. Chỉ tạo khóa mới khi đã quên mật khẩu của khóa.</source>
        <translation>The signing key is still on this computer. If it can still be opened (the passphrase is remembered), use “Rotate the key…”: the old key vouches for the new one, no re-enrollment needed. Make a new key only when the key&apos;s passphrase is forgotten.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="437"/>
        <source>Tạo khóa ký mới</source>
        <translation>Make a new signing key</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="437"/>
        <source>&amp;Tạo khóa mới</source>
        <translation>&amp;Make a new key</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="440"/>
        <source>Chọn nơi lưu tệp yêu cầu đăng ký lại</source>
        <translation>Choose where to save the re-enrollment request</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="457"/>
        <source>Đã tạo khóa mới %1 và lưu khóa công khai &lt;b&gt;%2&lt;/b&gt;.&lt;br&gt;Gửi tệp này cho các đơn vị; mỗi đơn vị chọn “Thay khóa của Sở…” và gọi điện đối chiếu dấu vân tay:</source>
        <translation>Made the new key %1 and saved its public key &lt;b&gt;%2&lt;/b&gt;.&lt;br&gt;Send this file to the units; each chooses “Replace the department key…” and calls to compare the fingerprint:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="462"/>
        <source>Đã tạo khóa mới %1 và lưu yêu cầu đăng ký lại &lt;b&gt;%2&lt;/b&gt;.&lt;br&gt;Gửi tệp này cho %3, rồi gọi điện đọc dấu vân tay dưới đây. Sở thu hồi khóa cũ và đăng ký khóa mới; sau đó mới gửi gói báo cáo:</source>
        <translation>Made the new key %1 and saved the re-enrollment request &lt;b&gt;%2&lt;/b&gt;.&lt;br&gt;Send this file to %3, then call and read out the fingerprint below. The department revokes the old key and enrolls the new one; send report packages only after that:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="467"/>
        <source>Đã tạo khóa ký mới</source>
        <translation>New signing key made</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="507"/>
        <source>Mật khẩu khóa ký</source>
        <translation>Signing key passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings_keys.py" line="508"/>
        <source>Đặt mật khẩu bảo vệ khóa ký trên máy này:</source>
        <translation>Set a passphrase to protect the signing key on this computer:</translation>
    </message>
</context>
<context>
    <name>StatusScreen</name>
    <message>
        <location filename="../../ui/screens/province_status.py" line="53"/>
        <source>Tình hình báo cáo</source>
        <translation>Reporting status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="55"/>
        <source>&amp;Năm:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="59"/>
        <source>Năm báo cáo</source>
        <translation>Reporting year</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="61"/>
        <source>&amp;Kỳ:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="63"/>
        <source>Kỳ báo cáo</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="79"/>
        <source>Tình hình báo cáo của các đơn vị theo kỳ</source>
        <translation>Reporting status of the units by period</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="83"/>
        <source>&amp;Bảng theo đơn vị</source>
        <translation>&amp;Table by unit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="87"/>
        <source>Biểu đồ &amp;tổng hợp</source>
        <translation>&amp;Summary charts</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="124"/>
        <source>Mọi kỳ báo cáo của kế hoạch trong năm</source>
        <translation>All reporting periods of the plan in the year</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="145"/>
        <source>%1
hạn %2</source>
        <translation>%1
due %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="154"/>
        <source>Số thứ tự còn thiếu</source>
        <translation>Missing sequence numbers</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="180"/>
        <source>Đơn vị đã xuất các gói số thứ tự %1 nhưng Sở chưa nhận được. Đề nghị đơn vị kiểm tra và gửi lại.</source>
        <translation>The unit has exported packages with sequence numbers %1, but the Department has not received them. Ask the unit to check and send them again.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="192"/>
        <source>Hạn báo cáo: %1 ngày sau ngày chốt số liệu của kỳ (theo kế hoạch). Tình hình tính đến ngày %2; “đúng hạn” tính theo ngày đơn vị lập gói báo cáo đầu tiên.</source>
        <translation>Reports are due %1 days after the period&apos;s cut-off date (as set by the plan). Status as of %2; “on time” is judged by the date on which the unit created its first report package.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="202"/>
        <source>%1: đúng hạn %2, trễ hạn %3, chưa báo cáo %4, chưa đến hạn %5</source>
        <translation>%1: on time %2, late %3, not reported %4, not yet due %5</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="210"/>
        <source>%1 đơn vị. </source>
        <translation>%1 units. </translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="252"/>
        <source>Cấp huyện</source>
        <translation>Districts</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="253"/>
        <source>Cấp xã</source>
        <translation>Communes and wards</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="254"/>
        <source>Sở, ban, ngành</source>
        <translation>Departments</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="255"/>
        <source>Cơ quan báo chí</source>
        <translation>Press bodies</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="256"/>
        <source>Cơ quan Đảng</source>
        <translation>Party bodies</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="257"/>
        <source>Cấp tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="292"/>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="293"/>
        <source>Trễ hạn</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="294"/>
        <source>Chưa báo cáo</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="295"/>
        <source>Chưa đến hạn</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="301"/>
        <source> · lần %1</source>
        <translation> · revision %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="303"/>
        <source> (thay lần %1)</source>
        <translation> (replaces revision %1)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="311"/>
        <source>Hạn: %1</source>
        <translation>Due: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="314"/>
        <source>Đơn vị lập gói: %1</source>
        <translation>Package created by the unit: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="318"/>
        <source>Sở nhận lần %1: %2 (số thứ tự %3)</source>
        <translation>Revision %1 received by the Department: %2 (sequence no. %3)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_status.py" line="90"/>
        <source>Nhấp đúp vào một ô đã có báo cáo để đọc báo cáo và minh chứng.</source>
        <translation>Double-click a cell with a report to read the report and its evidence.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="476"/>
        <source>Hoàn tất</source>
        <translation>Ready to finish</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="477"/>
        <source>Xem lại trước khi bấm Hoàn tất; có thể sửa sau trong Cài đặt.</source>
        <translation>Check before pressing Finish; all of it can be changed later in Settings.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="488"/>
        <source>Đơn vị: &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Người lập: %2&lt;br&gt;Người ký: %3 — %4&lt;br&gt;Kế hoạch: %5</source>
        <translation>Unit: &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Prepared by: %2&lt;br&gt;Signatory: %3 — %4&lt;br&gt;Plan: %5</translation>
    </message>
</context>
<context>
    <name>TaskSection</name>
    <message>
        <location filename="../../ui/screens/reports/sections.py" line="57"/>
        <source>Chỉ tiêu</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/sections.py" line="57"/>
        <source>Kết quả trong kỳ</source>
        <translation>Result in the period</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/sections.py" line="70"/>
        <source>Chỉ tiêu của nhiệm vụ %1</source>
        <translation>Indicators of task %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/sections.py" line="77"/>
        <source>Tình trạng:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/sections.py" line="81"/>
        <source>Tình trạng nhiệm vụ %1</source>
        <translation>Status of task %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/sections.py" line="85"/>
        <source>Tỷ lệ hoàn thành:</source>
        <translation>Completion rate:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/sections.py" line="88"/>
        <source>chưa nhập</source>
        <translation>not entered</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/sections.py" line="90"/>
        <source>Tỷ lệ hoàn thành nhiệm vụ %1</source>
        <translation>Completion rate of task %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/sections.py" line="101"/>
        <source>Kết quả thực hiện:</source>
        <translation>Results:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/sections.py" line="104"/>
        <source>Nêu các việc đã làm trong kỳ, kết quả đạt được.</source>
        <translation>Describe the work done in the period and the results achieved.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/sections.py" line="107"/>
        <source>Kết quả thực hiện nhiệm vụ %1</source>
        <translation>Results of task %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/sections.py" line="115"/>
        <source>Thời gian thực hiện: %1 · %2 hoạt động trong kỳ</source>
        <translation>Timeframe: %1 · %2 activities in the period</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/sections.py" line="123"/>
        <source>%1 đ</source>
        <translation>%1 VND</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports/sections.py" line="126"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>TasksScreen</name>
    <message>
        <location filename="../../ui/screens/tasks.py" line="30"/>
        <source>các sở, ban, ngành</source>
        <translation>provincial departments and agencies</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="31"/>
        <source>UBND các huyện, thị xã, thành phố</source>
        <translation>People&apos;s Committees of districts, towns and cities</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="32"/>
        <source>các cơ quan báo chí</source>
        <translation>press agencies</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="33"/>
        <source>các cơ quan Đảng</source>
        <translation>Party agencies</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="34"/>
        <source>UBND các xã, phường, thị trấn</source>
        <translation>People&apos;s Committees of communes, wards and townships</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="35"/>
        <source>UBND tỉnh</source>
        <translation>Provincial People&apos;s Committee</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="44"/>
        <source>Nhiệm vụ của kế hoạch</source>
        <translation>Plan tasks</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="47"/>
        <source>Danh sách nhiệm vụ</source>
        <translation>Task list</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="59"/>
        <source>Nội dung nhiệm vụ</source>
        <translation>Task details</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="61"/>
        <source>Hoạt động của đơn vị cho nhiệm vụ này</source>
        <translation>The unit&apos;s activities for this task</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="64"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="64"/>
        <source>Hoạt động</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="64"/>
        <source>Địa điểm</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="114"/>
        <source>Nội dung thực hiện:</source>
        <translation>What is to be done:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="120"/>
        <source>&lt;b&gt;Theo hướng dẫn của:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Following the guidance of:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="123"/>
        <source>&lt;b&gt;Đơn vị chủ trì:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Lead unit:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="126"/>
        <source>&lt;b&gt;Đơn vị phối hợp:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Coordinating units:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="129"/>
        <source>&lt;b&gt;Thời gian thực hiện:&lt;/b&gt; %1 (có thời hạn)</source>
        <translation>&lt;b&gt;Timeframe:&lt;/b&gt; %1 (with a deadline)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="131"/>
        <source>&lt;b&gt;Thời gian thực hiện:&lt;/b&gt; %1 (thường xuyên)</source>
        <translation>&lt;b&gt;Timeframe:&lt;/b&gt; %1 (ongoing)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="134"/>
        <source>Chỉ tiêu theo dõi:</source>
        <translation>Indicators tracked:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="151"/>
        <source>&lt;b&gt;Tình hình của đơn vị:&lt;/b&gt; %1 — %2 hoạt động</source>
        <translation>&lt;b&gt;Where this unit stands:&lt;/b&gt; %1 — %2 activities</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="142"/>
        <source>Đã hoàn thành</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="143"/>
        <source>Đúng tiến độ</source>
        <translation>On track</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="144"/>
        <source>Có nguy cơ chậm</source>
        <translation>At risk of delay</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="145"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="146"/>
        <source>Đang thực hiện thường xuyên</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="147"/>
        <source>Chưa có hoạt động</source>
        <translation>No activities yet</translation>
    </message>
    <message>
        <location filename="../../ui/screens/tasks.py" line="135"/>
        <source>bổ sung, không có trong văn bản kế hoạch</source>
        <translation>added, not in the plan document</translation>
    </message>
</context>
<context>
    <name>TrustProvinceDialog</name>
    <message>
        <location filename="../../ui/screens/province_trust.py" line="169"/>
        <source>Khóa công khai của Sở</source>
        <translation>The Department&apos;s public key</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_trust.py" line="205"/>
        <source>&amp;Tin cậy khóa này</source>
        <translation>&amp;Trust this key</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_trust.py" line="175"/>
        <source>Chưa có khóa công khai của %1 nên chưa kiểm tra được biên nhận. Chọn tệp khóa Sở đã gửi (thường là Khoa_….tdkey), gọi điện đối chiếu dấu vân tay, rồi tin cậy khóa: biên nhận được kiểm tra ngay sau đó.</source>
        <translation>There is no public key of %1 yet, so the receipt cannot be checked. Choose the key file the department sent (usually Khoa_….tdkey), call to compare the fingerprint, then trust the key: the receipt is checked right after.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_trust.py" line="182"/>
        <source>Đang tin cậy khóa %1 của Sở (dấu vân tay %2). Chỉ thay khi Sở báo đã đổi khóa: chọn tệp đổi khóa của Sở, hoặc tệp khóa mới rồi đối chiếu dấu vân tay.</source>
        <translation>Trusting the department&apos;s key %1 (fingerprint %2). Replace it only when the department says it changed its key: choose its rotation file, or the new key file and compare the fingerprint.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_trust.py" line="190"/>
        <source>Chưa có khóa của %1: chưa kiểm tra được biên nhận. Chọn tệp khóa công khai Sở đã gửi và đối chiếu dấu vân tay qua điện thoại.</source>
        <translation>No key of %1 yet: receipts cannot be checked. Choose the public key file the department sent and compare the fingerprint by phone.</translation>
    </message>
</context>
<context>
    <name>UnitChoiceDialog</name>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="120"/>
        <source>Chọn đơn vị của khóa</source>
        <translation>Choose the key&apos;s unit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="122"/>
        <source>Tệp khóa không ghi tên đơn vị. Khóa này là của đơn vị nào?</source>
        <translation>The key file does not name a unit. Which unit does this key belong to?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/province_keys.py" line="126"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
</context>
<context>
    <name>UnitCombo</name>
    <message>
        <location filename="../../ui/screens/plans/unit_picker.py" line="71"/>
        <source>(không có)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="41"/>
        <source>Sửa đơn vị</source>
        <translation>Edit unit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="41"/>
        <source>Thêm cơ quan vào danh mục</source>
        <translation>Add a body to the directory</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="45"/>
        <source>Mẫu cơ quan</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="47"/>
        <source>(không dùng mẫu: nhập từng ô)</source>
        <translation>(no template: fill in each field)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="52"/>
        <source>&amp;Mẫu:</source>
        <translation>&amp;Template:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="68"/>
        <source>&amp;Tên đầy đủ:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="68"/>
        <source>Như trên văn bản: Sở Nội vụ tỉnh …</source>
        <translation>As printed on documents, e.g. Department of Home Affairs of … province</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="69"/>
        <source>Tên n&amp;gắn:</source>
        <translation>Short na&amp;me:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="69"/>
        <source>Dùng trong bảng, danh sách</source>
        <translation>Used in tables and lists</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="70"/>
        <source>&amp;Loại:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="71"/>
        <source>Mã đơn &amp;vị:</source>
        <translation>Unit &amp;id:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="71"/>
        <source>a-z, 0-9, dấu chấm, gạch ngang</source>
        <translation>a-z, 0-9, dot, hyphen</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="72"/>
        <source>Đị&amp;a danh:</source>
        <translation>Pl&amp;ace name:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="72"/>
        <source>Ở dòng ngày tháng của văn bản</source>
        <translation>On the document&apos;s date line</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="74"/>
        <source>Cơ quan &amp;chủ quản:</source>
        <translation>&amp;Parent body:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="76"/>
        <source>Dòng trên cùng của tiêu đề văn bản; để trống nếu không có</source>
        <translation>The top line of the document header; leave empty if there is none</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="79"/>
        <source>Tên cơ quan ở t&amp;iêu đề:</source>
        <translation>Name in the &amp;header:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="81"/>
        <source>Chữ in hoa, mỗi dòng một hàng như trên văn bản</source>
        <translation>Capital letters, one line per row as on documents</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="99"/>
        <source>&amp;Lưu</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="99"/>
        <source>Thê&amp;m</source>
        <translation>A&amp;dd</translation>
    </message>
    <message>
        <location filename="../../ui/screens/directories/dialogs.py" line="101"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UnitGroups</name>
    <message>
        <location filename="../../ui/widgets/unit_groups.py" line="16"/>
        <source>Ủy ban nhân dân tỉnh, thành phố</source>
        <translation>Provincial People&apos;s Committee</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/unit_groups.py" line="17"/>
        <source>Sở, ban, ngành</source>
        <translation>Departments and agencies</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/unit_groups.py" line="18"/>
        <source>Cơ quan Đảng, Mặt trận, đoàn thể</source>
        <translation>Party bodies, Fatherland Front, mass organisations</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/unit_groups.py" line="19"/>
        <source>Cơ quan báo chí</source>
        <translation>Press</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/unit_groups.py" line="20"/>
        <source>Ủy ban nhân dân cấp huyện</source>
        <translation>District People&apos;s Committees</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/unit_groups.py" line="21"/>
        <source>Xã</source>
        <translation>Communes</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/unit_groups.py" line="22"/>
        <source>Phường</source>
        <translation>Wards</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/unit_groups.py" line="23"/>
        <source>Đặc khu</source>
        <translation>Special zones</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/unit_groups.py" line="24"/>
        <source>Thị trấn</source>
        <translation>Townships</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/unit_groups.py" line="25"/>
        <source>Ủy ban nhân dân cấp xã</source>
        <translation>Commune-level People&apos;s Committees</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/unit_groups.py" line="26"/>
        <source>Đơn vị khác</source>
        <translation>Other units</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/unit_groups.py" line="34"/>
        <source>%1 (%2 đơn vị)</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <location filename="../../ui/setup_wizard.py" line="82"/>
        <source>Chọn đơn vị</source>
        <translation>Choose your unit</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="83"/>
        <source>Chọn cơ quan sử dụng máy này trong danh mục đơn vị.</source>
        <translation>Choose the office that uses this computer from the list of units.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="88"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="88"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="89"/>
        <source>Danh mục đơn vị</source>
        <translation>List of units</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="97"/>
        <source>Thêm &amp;kế hoạch từ tệp…</source>
        <translation>Add a &amp;plan from a file…</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="100"/>
        <source>Thêm kế hoạch do cơ quan theo dõi gửi (tệp .toml) khi đơn vị chưa có trong danh sách.</source>
        <translation>Add a plan the monitoring body sent (a .toml file) when your unit cannot be chosen.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="155"/>
        <source>Gõ để tìm</source>
        <translation>Type to search</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="156"/>
        <source>Gõ để tìm, ví dụ: %1</source>
        <translation>Type to search, for example: %1</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="224"/>
        <source>Chưa có kế hoạch nào trên máy này giao nhiệm vụ cho %1, nên đơn vị này chưa báo cáo được. Hãy xin cơ quan theo dõi tệp kế hoạch giao nhiệm vụ cho đơn vị, rồi bấm «Thêm kế hoạch từ tệp…».</source>
        <translation>No plan on this computer gives %1 a task, so this unit cannot report yet. Ask the monitoring body for the plan file that assigns the unit its tasks, then click “Add a plan from a file…”.</translation>
    </message>
    <message>
        <location filename="../../ui/setup_wizard.py" line="229"/>
        <source>%1 không phải cơ quan theo dõi kế hoạch nào trên máy này.</source>
        <translation>%1 monitors none of the plans on this computer.</translation>
    </message>
</context>
<context>
    <name>UnitPicker</name>
    <message>
        <location filename="../../ui/screens/plans/unit_picker.py" line="36"/>
        <source>UBND tỉnh</source>
        <translation>Provincial People&apos;s Committee</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/unit_picker.py" line="37"/>
        <source>Các sở, ban, ngành</source>
        <translation>Departments and agencies</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/unit_picker.py" line="38"/>
        <source>Các cơ quan Đảng</source>
        <translation>Party bodies</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/unit_picker.py" line="39"/>
        <source>Các cơ quan báo chí</source>
        <translation>Press bodies</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/unit_picker.py" line="40"/>
        <source>UBND các huyện, thị xã</source>
        <translation>District People&apos;s Committees</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/unit_picker.py" line="41"/>
        <source>UBND các xã, phường</source>
        <translation>Commune and ward People&apos;s Committees</translation>
    </message>
</context>
<context>
    <name>UnitPickerDialog</name>
    <message>
        <location filename="../../ui/screens/plans/unit_picker.py" line="159"/>
        <source>Chọn theo &amp;loại (mọi đơn vị thuộc loại đó)</source>
        <translation>Choose by &amp;kind (every unit of that kind)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/unit_picker.py" line="165"/>
        <source>%1 (%2 đơn vị)</source>
        <translation>%1 (%2 units)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/unit_picker.py" line="172"/>
        <source>&amp;Tìm đơn vị:</source>
        <translation>&amp;Find a unit:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/unit_picker.py" line="174"/>
        <source>Gõ một phần tên, ví dụ «văn hóa» hoặc «Ia»</source>
        <translation>Type part of a name, e.g. «Pleiku» or «Ia»</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/unit_picker.py" line="181"/>
        <source>Đơn vị</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../ui/screens/plans/unit_picker.py" line="210"/>
        <source>Đã gồm trong lựa chọn theo loại</source>
        <translation>Already included by the choice by kind</translation>
    </message>
</context>
<context>
    <name>UnitProgressCharts</name>
    <message>
        <location filename="../../ui/widgets/charts.py" line="166"/>
        <source>Hoạt động theo nhiệm vụ, từng quý</source>
        <translation>Activities per task, quarter by quarter</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/charts.py" line="168"/>
        <source>Chỉ tiêu cộng dồn qua các quý</source>
        <translation>Indicator running total through the quarters</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/charts.py" line="170"/>
        <source>Chỉ tiêu trên biểu đồ</source>
        <translation>Indicator on the chart</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/charts.py" line="175"/>
        <source>C&amp;hỉ tiêu:</source>
        <translation>&amp;Indicator:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/charts.py" line="199"/>
        <source>hoạt động</source>
        <translation>activities</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/charts.py" line="228"/>
        <source>Chưa có số liệu chỉ tiêu</source>
        <translation>No indicator figures yet</translation>
    </message>
</context>
<context>
    <name>UnitProgressPanel</name>
    <message>
        <location filename="../../ui/widgets/charts.py" line="257"/>
        <source>Năm báo cáo của biểu đồ</source>
        <translation>Reporting year of the charts</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/charts.py" line="259"/>
        <source>Nă&amp;m báo cáo:</source>
        <translation>Reporting &amp;year:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/charts.py" line="276"/>
        <source>Quý %1</source>
        <translation>Q %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/charts.py" line="284"/>
        <source>Chưa có hoạt động nào trong năm báo cáo này.</source>
        <translation>No activities in this reporting year yet.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/charts.py" line="286"/>
        <source>Hoạt động tính vào quý có khoảng số liệu chứa ngày thực hiện.</source>
        <translation>An activity counts in the quarter whose data window holds its date.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/charts.py" line="289"/>
        <source>Năm báo cáo %1: từ %2 đến %3.</source>
        <translation>Reporting year %1: from %2 to %3.</translation>
    </message>
</context>
</TS>
